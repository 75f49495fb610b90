// The stored shape of bills (預り金・後日精算・自費) and settlements (精算) as valibot schemas, for records that enter from outside.
import * as v from 'valibot';
import {
  IdSchema,
  InstantSchema,
  OptionalInstantSchema,
  ShortTextSchema,
  recordMetaEntries
} from '../store/record-schema';
import { schemaMatches, type SameType } from '../store/same-type';
import { MAX_DRAWER, MAX_PIECES, cashCountKinds, denominations, type CashCount } from './cash-count';
import { MAX_YEN, billKinds, billReasons, paymentMethods, type Bill, type Settlement } from './model';

const Yen = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_YEN));
const Method = v.picklist([...paymentMethods, '']);

export const BillSchema = v.strictObject({
  ...recordMetaEntries,
  arrivalId: IdSchema,
  kind: v.picklist(billKinds),
  amount: Yen,
  method: Method,
  receivedBy: ShortTextSchema,
  reason: v.picklist(billReasons),
  serial: ShortTextSchema,
  issuedAt: InstantSchema,
  voided: v.nullable(v.strictObject({ at: InstantSchema, by: ShortTextSchema, reason: ShortTextSchema })),
  paperSerial: ShortTextSchema
});

export const SettlementSchema = v.strictObject({
  ...recordMetaEntries,
  billId: IdSchema,
  billIds: v.optional(v.pipe(v.array(IdSchema), v.minLength(1), v.maxLength(50))),
  copayCharge: Yen,
  selfPayCharge: Yen,
  status: v.picklist(['open', 'settled', 'refundPending', 'unreachable', 'cancelled']),
  settledAt: OptionalInstantSchema,
  method: Method,
  settledBy: ShortTextSchema,
  receiptNo: ShortTextSchema,
  note: ShortTextSchema
});

const Pieces = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PIECES));

export const CashCountSchema = v.strictObject({
  ...recordMetaEntries,
  kind: v.picklist(cashCountKinds),
  drawer: ShortTextSchema,
  amount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DRAWER)),
  pieces: v.nullable(
    v.strictObject({
      '10000': Pieces,
      '5000': Pieces,
      '2000': Pieces,
      '1000': Pieces,
      '500': Pieces,
      '100': Pieces,
      '50': Pieces,
      '10': Pieces,
      '5': Pieces,
      '1': Pieces
    } satisfies Record<`${(typeof denominations)[number]}`, typeof Pieces>)
  ),
  countedBy: ShortTextSchema,
  countedAt: InstantSchema,
  note: ShortTextSchema
});

schemaMatches<SameType<v.InferOutput<typeof BillSchema>, Bill>>();
schemaMatches<SameType<v.InferOutput<typeof CashCountSchema>, CashCount>>();
schemaMatches<SameType<v.InferOutput<typeof SettlementSchema>, Settlement>>();
