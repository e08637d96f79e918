import {httpUrl} from '../bill-fields';
import type {TmfIssue} from './tmf678-money';
import type {TmfCustomerBill} from './tmf678-schema';

/**
 * The bill as a PDF: the first document typed application/pdf, else the first whose URL ends in .pdf. A PDF whose link
 * a customer's browser cannot open is left out with a warning rather than refusing the bill: the video is whole without it.
 */
export const billPdfOf = ({bill, warnings}: {bill: TmfCustomerBill; warnings: TmfIssue[]}): string | undefined => {
	const documents = (bill.billDocument ?? []).flatMap(({url, mimeType}, index) =>
		url === undefined ? [] : [{url, mimeType, path: `tmf678.customerBill.billDocument[${index}].url`}],
	);
	const pdf =
		documents.find((document) => document.mimeType?.toLowerCase() === 'application/pdf') ??
		documents.find((document) => /\.pdf$/i.test(document.url.split(/[?#]/)[0]!));
	if (!pdf) return undefined;
	if (!httpUrl.safeParse(pdf.url).success) {
		warnings.push({
			path: pdf.path,
			message: 'is not an http(s) URL a customer can open (a relative link or a URN, say): the video offers no bill PDF',
		});
		return undefined;
	}
	return pdf.url;
};
