import { maskAddress, maskIdNumber, maskPhone, type Participant, type ParticipantDetail } from '../contract/index.js';
import type { ParticipantWithState } from '../db/participants.js';

/** The one place identity data is masked on its way out; only the edit form gets the detail. */
export function maskedParticipant(record: ParticipantWithState): Participant {
  const { idNumber, phone, address, ...rest } = record;
  return {
    ...rest,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : '',
    phoneMasked: phone ? maskPhone(phone) : '',
    addressMasked: address ? maskAddress(address) : '',
  };
}

export function participantDetail(record: ParticipantWithState): ParticipantDetail {
  return { ...maskedParticipant(record), idNumber: record.idNumber, phone: record.phone, address: record.address };
}
