// Messages of the clinic working as one through the hub: conflicts waiting, purges done on another device, and the hub's own count after a purge.
import { registerMessages } from '../translate';
export const ja = {
  'hub.purge.notice':
    'ほかの端末（{devices}）で {outage} が消去されました。この端末の記録も消去してください。',
  'hub.purge.outage': '{from} からの障害「{reason}」',
  'hub.purge.open': 'この端末の消去へ',
  'hub.purgeCheck.title': 'ハブ（医院のサーバー）の確認',
  'hub.purgeCheck.lead':
    'この障害の記録がハブにいくつ残っているか、ハブに直接たずねて数えます。消去すると、ハブからも消えます。',
  'hub.purgeCheck.left': 'ハブに残っている記録: {n}件',
  'hub.purgeCheck.unreachable':
    'ハブに届かないため確かめられません（ハブにつながってから、もう一度確かめてください）',
  'hub.purgeCheck.checking': 'ハブにたずねています…',
  'hub.purgeCheck.again': 'もう一度確かめる'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
