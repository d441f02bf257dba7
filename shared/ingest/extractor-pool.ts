import { availableParallelism } from 'node:os';
import type { ExtractLimits } from '#config/limits.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { type HeapSize, IsolatedExtractor, type MeetingExtractor } from './isolated-extractor.ts';
import { Slots } from './slots.ts';

/**
 * Reads several documents at once: one IsolatedExtractor (a worker thread with the time and
 * memory limits) per slot, each reading one document at a time; a document waits for the first
 * free slot. The memory limit is watched on the whole process, as IsolatedExtractor watches it,
 * so a document that swells may also stop a neighbour read at the same moment (both end
 * too-large); what is read in time is never cut short by another document's time.
 */
export class ExtractorPool implements MeetingExtractor {
  private readonly slots: Slots<MeetingExtractor & Partial<Pick<IsolatedExtractor, 'heap'>>>;

  /** `size` slots (the cores by default); `slot` makes each one (tests give a fake). */
  constructor(
    limits: ExtractLimits,
    size = availableParallelism(),
    slot: () => MeetingExtractor = () => new IsolatedExtractor(limits),
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`a pool needs at least one slot, not ${size}`);
    this.slots = new Slots(Array.from({ length: size }, slot));
  }

  /** How many documents are being read now (at most the slots). */
  get reading(): number {
    return this.slots.busy;
  }

  extract(bytes: Uint8Array, file: string): Promise<MeetingDocument> {
    return this.withSlot((slot) => slot.extract(bytes, file));
  }

  explain(bytes: Uint8Array, file: string): Promise<string> {
    return this.withSlot((slot) => slot.explain(bytes, file));
  }

  /**
   * Runs `use` on the first free slot and frees it after. The caller reads its file inside `use`,
   * so a long list of files is not all held in memory while it waits.
   */
  withSlot<T>(use: (slot: MeetingExtractor) => Promise<T>): Promise<T> {
    return this.slots.use(use);
  }

  /** The workers' heaps now, together: bytes held and memory committed. */
  async heap(): Promise<HeapSize> {
    const heaps = await Promise.all(this.slots.all.map((slot) => slot.heap?.() ?? { used: 0, committed: 0 }));
    return {
      used: heaps.reduce((sum, heap) => sum + heap.used, 0),
      committed: heaps.reduce((sum, heap) => sum + heap.committed, 0),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.all.map((slot) => slot.close()));
  }
}
