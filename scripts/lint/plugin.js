/**
 * Project rules that general plugins do not have.
 * - no-literal-jsx-text: every visible string goes through i18next, so JSX may
 *   not carry letters or 汉字 directly, neither as text nor in user-facing attributes.
 */
const visibleAttributes = new Set(['title', 'placeholder', 'label', 'aria-label', 'alt', 'description', 'subTitle', 'okText', 'cancelText']);
const hasWords = (text) => /[\p{L}]/u.test(text);

const noLiteralJsxText = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid user-visible text that bypasses i18next' },
    messages: {
      text: 'Visible text "{{text}}" must come from i18next (t(...)), not a literal.',
    },
    schema: [],
  },
  create(context) {
    return {
      JSXText(node) {
        if (hasWords(node.value)) context.report({ node, messageId: 'text', data: { text: node.value.trim().slice(0, 40) } });
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!visibleAttributes.has(name) || !node.value) return;
        const literal =
          node.value.type === 'Literal'
            ? node.value
            : node.value.type === 'JSXExpressionContainer' && node.value.expression.type === 'Literal'
              ? node.value.expression
              : undefined;
        if (literal && typeof literal.value === 'string' && hasWords(literal.value)) {
          context.report({ node, messageId: 'text', data: { text: literal.value.slice(0, 40) } });
        }
      },
    };
  },
};

export default { meta: { name: 'hearing-desk' }, rules: { 'no-literal-jsx-text': noLiteralJsxText } };
