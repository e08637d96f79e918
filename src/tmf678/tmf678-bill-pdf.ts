import {httpUrl} from '../bill-fields';
import type {TmfIssue} from './tmf678-money';
import type {TmfCustomerBill} from './tmf678-schema';

const urlPath = (index: number) => `tmf678.customerBill.billDocument[${index}].url`;

/**
 * The bill as a PDF: the first document typed application/pdf, else the first whose URL ends in .pdf. A PDF whose link
 * a customer's browser cannot open is left out with a warning rather than refusing the bill: the video is whole without it.
 */
export const billPdfOf = ({bill, warnings}: {bill: TmfCustomerBill; warnings: TmfIssue[]}): string | undefined => {
	const documents = (bill.billDocument ?? []).flatMap(({url, mimeType}, index) => (url === undefined ? [] : [{url, mimeType, path: urlPath(index)}]));
	const pdf =
		documents.find((document) => document.mimeType?.toLowerCase() === 'application/pdf') ??
		documents.find((document) => /\.pdf$/i.test(document.url.split(/[?#]/)[0]!));
	if (!pdf) {
		// A TMF AttachmentRef names its document by href, on the operator's own API, which billcast never calls: without a
		// url the bill may well have had a PDF the video now leaves out, which the sender should hear about.
		(bill.billDocument ?? []).forEach(({url}, index) => {
			if (url === undefined) {
				warnings.push({path: urlPath(index), message: 'is missing (a document named only by href, as a TMF AttachmentRef, is not fetched): the video offers no bill PDF'});
			}
		});
		return undefined;
	}
	if (!httpUrl.safeParse(pdf.url).success) {
		warnings.push({
			path: pdf.path,
			message: 'is not an http(s) URL a customer can open (a relative link or a URN, say): the video offers no bill PDF',
		});
		return undefined;
	}
	return pdf.url;
};
