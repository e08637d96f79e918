/**
 * The one "must pay now" rule that the bill schemas, the video's pay button and the watch page share, so they cannot
 * disagree about whether a customer is asked to pay: due or overdue, with something owed.
 */
export const needsPayment = ({status, amountDue}: {status: string; amountDue: number}): boolean =>
	(status === 'due' || status === 'overdue') && amountDue > 0;
