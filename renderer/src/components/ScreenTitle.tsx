/** The hearing's title in the bar of a full-screen view (the chair's view, read-back): one line, cut with an ellipsis, whole on hover. */
export function ScreenTitle({ title }: { title: string }) {
  return (
    <h1
      title={title}
      style={{ margin: 0, fontSize: 24, fontWeight: 600, lineHeight: 1.35, color: '#fff', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {title}
    </h1>
  );
}
