import { vietnamDayOf } from "../../domain/vietnam-time.js";
import { interpolate } from "../texts/interpolate.js";
import { APOLOGY_PLACEHOLDERS, type ApologyFormTexts, type LetterTexts } from "../texts/letter-texts.js";
import { DocxTemplate } from "./docx-template.js";
import {
  bodyParagraph,
  closingParagraphs,
  headerBlock,
  packDecree30,
  salutationLine,
  signatureBlock,
  titleBlock,
} from "./decree30.js";
import { momentDayText, momentTimeText, placeAndDate } from "./vietnamese-format.js";

/** What one apology letter says: the case, its unit and its apology, as plain values. */
export interface ApologyLetterModel {
  caseCode: string;
  procedureName: string;
  applicantName: string;
  unitCode: string;
  unitName: string;
  receivedAt: Date;
  dueAt: Date;
  apology: {
    number: string;
    issuedAt: Date;
    reason: string;
    newDueAt: Date;
    signer: string;
  };
}

/** The form in use; a texts document naming a missing form is refused when saved. */
export function apologyForm(texts: LetterTexts): ApologyFormTexts {
  const form = texts.apologyForms[texts.apologyForm];
  if (!form) throw new Error(`Letter texts name apology form "${texts.apologyForm}", which they do not define`);
  return form;
}

/** A reason typed without a final stop gets one, so "Lý do: …" reads as a sentence. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function apologyValues(m: ApologyLetterModel, texts: LetterTexts): Record<string, string> {
  const form = apologyForm(texts);
  const values: Record<string, string> = {
    agencyName: texts.agency.agencyName,
    unitCode: m.unitCode,
    unitName: m.unitName,
    applicantName: m.applicantName,
    caseCode: m.caseCode,
    procedureName: m.procedureName,
    receivedDate: momentDayText(m.receivedAt),
    receivedTime: momentTimeText(m.receivedAt),
    dueDate: momentDayText(m.dueAt),
    dueTime: momentTimeText(m.dueAt),
    reason: asSentence(m.apology.reason),
    newDueDate: momentDayText(m.apology.newDueAt),
    newDueTime: momentTimeText(m.apology.newDueAt),
    apologyNumber: m.apology.number,
    signer: m.apology.signer,
    // Not a placeholder the Office may use (no underscore in placeholders): the layout's own value.
    _placeAndDate: placeAndDate(texts.agency.place, vietnamDayOf(m.apology.issuedAt)),
  };
  const beforeDue = m.apology.issuedAt.getTime() <= m.dueAt.getTime();
  values.notOnTime = interpolate(beforeDue ? form.notOnTimeBeforeDue : form.notOnTimeAfterDue, values);
  return values;
}

/**
 * The letter from its values alone (see apologyValues), so the same code builds a real letter and
 * the marked template that letter-template.ts fills for many letters at once.
 */
export async function buildApologyLetterFromValues(values: Record<string, string>, texts: LetterTexts): Promise<Buffer> {
  const form = apologyForm(texts);
  const fill = (t: string): string => interpolate(t, values);
  const children = [
    headerBlock({
      parentAgency: texts.agency.parentAgency,
      agency: texts.agency.agency,
      number: fill("{apologyNumber}"),
      nationalName: texts.agency.nationalName,
      motto: texts.agency.motto,
      placeAndDate: values._placeAndDate,
    }),
    titleBlock(fill(form.title)),
    salutationLine(fill(form.salutation)),
    // The last two paragraphs (the new date, the thanks) travel with the signature.
    ...form.paragraphs.slice(0, -2).map((p) => bodyParagraph(fill(p))),
    ...closingParagraphs(form.paragraphs.slice(-2).map(fill)),
    signatureBlock({
      authority: fill(form.signature.authority),
      title: fill(form.signature.title),
      name: fill("{signer}"),
      recipients: form.recipients.map(fill),
    }),
  ];
  return packDecree30(`${fill(form.title)} ${fill("{caseCode}")}`, children);
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả, laid out per Decree 30/2020, as .docx bytes. */
export async function buildApologyLetter(m: ApologyLetterModel, texts: LetterTexts): Promise<Buffer> {
  return buildApologyLetterFromValues(apologyValues(m, texts), texts);
}

/**
 * For many letters with the same texts (the zip): the layout is built once, then each letter is
 * the template filled with its values. Same bytes in word/document.xml as buildApologyLetter.
 */
export async function apologyLetterRenderer(texts: LetterTexts): Promise<(m: ApologyLetterModel) => Buffer> {
  const keys = [...APOLOGY_PLACEHOLDERS, "_placeAndDate"];
  const template = await DocxTemplate.create(keys, (values) => buildApologyLetterFromValues(values, texts));
  return (m) => template.render(apologyValues(m, texts));
}
