export * from './vocabulary';
export * from './rule-book';
export * from './curve';
export * from './consequences';
export * from './registry';
export * from './codecs';
export {
  BR01_MATRIX,
  PERMENPANRB_6_2022,
  PERMENPANRB_6_2022_REF,
} from './permenpanrb-6-2022';
export {
  PP_30_2019,
  PP_30_2019_REF,
  PP30_MAX_SCORE,
  PP30_WEIGHTS_WITH_PEERS,
  PP30_WEIGHTS_WITHOUT_PEERS,
  pp30AspectScore,
  pp30BandOf,
} from './pp-30-2019';
export { PP_46_2011, PP_46_2011_REF, PP46_WEIGHTS, perkaBkn2013EfficiencyScore, pp46AspectScore, pp46BandOf } from './pp-46-2011';
export type { AspectFormula, ScoreBand, WeightsPercent } from './numeric';
