/** The chart kinds, one file each; charts.json names them by key. */
import type { ChartKind } from '../../data/charts-schema';
import type { Kind } from '../declare';
import { bars } from './bars';
import { parts } from './parts';
import { units } from './units';
import { number } from './number';
import { timeline } from './timeline';
import { overview } from './overview';

export const KINDS: Record<ChartKind, Kind> = { bars, parts, units, number, timeline, overview };
