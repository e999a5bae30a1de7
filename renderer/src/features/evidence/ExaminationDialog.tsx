import { App, Flex, Form, Input, Modal, Radio, Select, Typography, type RefSelectProps } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { opinions, type Exhibit, type Opinions, type Participant, type RoleKind } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { sideOfRole, useSideNames } from './useEvidence.js';

const aspects = ['authenticity', 'legality', 'relevance'] as const;

interface Values extends Opinions {
  examinerId?: string;
}

const blank: Omit<Values, 'examinerId'> = {
  authenticity: 'none',
  authenticityNote: '',
  legality: 'none',
  legalityNote: '',
  relevance: 'none',
  relevanceNote: '',
  purposeOpinion: '',
};

/** The person who speaks for a side first: the party or agency itself, then a representative, then an agent. */
const speakingOrder: RoleKind[] = ['party', 'agency', 'thirdParty', 'representative', 'agent'];

/** What the examiner's side said before, so giving the opinion again corrects it rather than starting over. */
function previous(exhibit: Exhibit, examiner: Participant | undefined): Omit<Values, 'examinerId'> {
  const side = examiner ? sideOfRole[examiner.role] : undefined;
  const given = exhibit.examinations.find((examination) => examination.examinerSide === side);
  if (!given) return blank;
  const { authenticity, authenticityNote, legality, legalityNote, relevance, relevanceNote, purposeOpinion } = given;
  return { authenticity, authenticityNote, legality, legalityNote, relevance, relevanceNote, purposeOpinion };
}

/**
 * 质证意见: an opposing side's opinion on 真实性、合法性、关联性 and the
 * 证明目的. By keyboard: the examiner has focus, Tab through the choices,
 * arrows pick an opinion, Enter saves.
 */
export function ExaminationDialog({
  hearingId,
  exhibit,
  participants,
  onClose,
}: {
  hearingId: string;
  exhibit: Exhibit;
  participants: readonly Participant[];
  onClose: () => void;
}) {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const language = useLanguage();
  const { describe, describeIssue } = useErrorText();
  const { sideName, roleName } = useSideNames(hearingId);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const examinerRef = useRef<RefSelectProps>(null);
  const values = Form.useWatch([], form) as Values | undefined;

  const examiners = participants
    .filter((person) => {
      const side = sideOfRole[person.role];
      return side !== undefined && side !== exhibit.side;
    })
    .sort((a, b) => speakingOrder.indexOf(a.role) - speakingOrder.indexOf(b.role));
  /** 陈立新（办理机关）; someone whose role does not name the side says which: 张志强（委托代理人，信访人方）. */
  const examinerLabel = (person: Participant) => {
    const role = roleName(person.role);
    const side = sideName(sideOfRole[person.role] as Exhibit['side']);
    return role === side ? t('examine.examinerOption', { name: person.name, role }) : t('examine.examinerOptionWithSide', { name: person.name, role, side });
  };
  const answered = new Set(exhibit.examinations.map((examination) => examination.examinerSide));
  const first = examiners.find((person) => !answered.has(sideOfRole[person.role] as Exhibit['side'])) ?? examiners[0];

  async function save(submitted: Values) {
    setSaving(true);
    const opinion = { ...blank, ...submitted };
    // A note belongs to an objection: one left behind when the opinion went back to 无异议 is not sent.
    for (const aspect of aspects) if (opinion[aspect] === 'none') opinion[`${aspect}Note`] = '';
    const result = await api.call('evidence.examine', { exhibitId: exhibit.id, ...opinion, examinerId: submitted.examinerId ?? '' });
    setSaving(false);
    if (result.ok) {
      const examiner = participants.find((person) => person.id === submitted.examinerId);
      const side = examiner ? sideOfRole[examiner.role] : undefined;
      void message.success(t('examine.saved', { side: side ? sideName(side) : '', label: exhibit.label[language] }));
      onClose();
      return;
    }
    if (result.error.code === 'evidence/notOpposing') {
      form.setFields([{ name: 'examinerId', errors: [describe(result.error)] }]);
      return;
    }
    const issues = validationIssues(result.error);
    const known = new Set(['examinerId', ...Object.keys(blank)]);
    const placed = issues.filter((issue) => known.has(issue.path));
    form.setFields(
      placed.map((issue) => ({
        name: issue.path as keyof Values,
        errors: [issue.path === 'examinerId' && !submitted.examinerId ? t('examine.chooseExaminer') : describeIssue(issue)],
      })),
    );
    if (placed.length === 0) void message.error(describe(result.error));
  }

  /** A radio answers Enter with nothing in a browser; here it saves, like every other field. */
  function submitOnEnter(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
      event.preventDefault();
      form.submit();
    }
  }

  return (
    <Modal
      open
      title={t('examine.title', { label: exhibit.label[language] })}
      okText={t('examine.submit')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(open) => open && examinerRef.current?.focus()}
      destroyOnHidden
      width={640}
    >
      <Flex vertical gap={12} onKeyDown={submitOnEnter}>
        <Typography.Text type="secondary">{t('examine.exhibit', { name: exhibit.name, submitter: exhibit.submitterName })}</Typography.Text>
        <Form<Values>
          form={form}
          name="examination"
          layout="vertical"
          requiredMark
          initialValues={{ examinerId: first?.id, ...previous(exhibit, first) }}
          onFinish={(submitted) => void save(submitted)}
          onValuesChange={(changed: Partial<Values>) => {
            form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })));
            if (changed.examinerId)
              form.setFieldsValue(
                previous(
                  exhibit,
                  participants.find((person) => person.id === changed.examinerId),
                ),
              );
          }}
        >
          <Form.Item name="examinerId" label={t('examine.examiner')} required extra={t('examine.examinerHelp')}>
            <Select
              ref={examinerRef}
              aria-label={t('examine.examiner')}
              placeholder={t('examine.examinerPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={examiners.map((person) => ({
                value: person.id,
                label: examinerLabel(person),
              }))}
            />
          </Form.Item>
          {aspects.map((aspect) => (
            <Flex key={aspect} gap={16} align="flex-start" wrap>
              <Form.Item name={aspect} label={t(`aspects.${aspect}`)} required style={{ width: 290, marginBottom: 12 }}>
                <Radio.Group
                  aria-label={t(`aspects.${aspect}`)}
                  optionType="button"
                  buttonStyle="solid"
                  options={opinions.map((opinion) => ({ value: opinion, label: t(`opinions.${opinion}`) }))}
                />
              </Form.Item>
              {values?.[aspect] && values[aspect] !== 'none' && (
                <Form.Item
                  name={`${aspect}Note`}
                  label={t('examine.note', { aspect: t(`aspects.${aspect}`) })}
                  style={{ flex: 1, minWidth: 220, marginBottom: 12 }}
                >
                  <Input maxLength={1000} placeholder={t(`examine.notePlaceholder.${aspect}`)} />
                </Form.Item>
              )}
            </Flex>
          ))}
          <Form.Item
            name="purposeOpinion"
            label={t('examine.purposeOpinion')}
            extra={exhibit.purpose ? t('examine.purposeIs', { purpose: exhibit.purpose }) : undefined}
          >
            <Input maxLength={1000} placeholder={t('examine.purposePlaceholder')} />
          </Form.Item>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      </Flex>
    </Modal>
  );
}
