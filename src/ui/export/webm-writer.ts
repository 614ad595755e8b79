/**
 * A minimal WebM (Matroska) writer for one video track of VP8 or VP9 frames, each with its own
 * timestamp. MediaRecorder stamps frames with the wall clock, so frames rendered one by one on a
 * slow machine would play at the speed they were drawn; WebCodecs' encoder keeps the timestamps we
 * give it, and this writes them into the file. Layout: EBML header, then a Segment with Info,
 * Tracks, Cues (one per cluster, so players can seek) and Clusters that each start at a key frame
 * and hold SimpleBlocks. Sizes are known (everything is in memory), so no element has an unknown size.
 */

/** One encoded frame: its bytes, its presentation time and whether it is a key frame. */
export interface EncodedFrame {
  data: Uint8Array;
  timestampMs: number;
  key: boolean;
}

/** The video track. */
export interface WebmTrack {
  codec: 'V_VP8' | 'V_VP9';
  width: number;
  height: number;
  fps: number;
}

const ID = {
  EBML: 0x1a45dfa3,
  EBMLVersion: 0x4286,
  EBMLReadVersion: 0x42f7,
  EBMLMaxIDLength: 0x42f2,
  EBMLMaxSizeLength: 0x42f3,
  DocType: 0x4282,
  DocTypeVersion: 0x4287,
  DocTypeReadVersion: 0x4285,
  Segment: 0x18538067,
  Info: 0x1549a966,
  TimestampScale: 0x2ad7b1,
  Duration: 0x4489,
  MuxingApp: 0x4d80,
  WritingApp: 0x5741,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackUID: 0x73c5,
  FlagLacing: 0x9c,
  CodecID: 0x86,
  TrackType: 0x83,
  DefaultDuration: 0x23e383,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Cues: 0x1c53bb6b,
  CuePoint: 0xbb,
  CueTime: 0xb3,
  CueTrackPositions: 0xb7,
  CueTrack: 0xf7,
  CueClusterPosition: 0xf1,
  Cluster: 0x1f43b675,
  Timestamp: 0xe7,
  SimpleBlock: 0xa3,
} as const;

/** A cluster's blocks carry a signed 16-bit offset from the cluster's time. */
const MAX_CLUSTER_SPAN_MS = 30_000;

type Bytes = Uint8Array;

function concat(parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Big-endian unsigned integer in `length` bytes (default: as few as it needs, at least one). */
function uintBytes(value: number, length?: number): Bytes {
  let n = length ?? 1;
  if (length === undefined) while (value >= 2 ** (8 * n)) n++;
  const out = new Uint8Array(n);
  let v = value;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

/** An element ID: its bytes as written (IDs carry their own length marker). */
function idBytes(id: number): Bytes {
  return uintBytes(id);
}

/** An EBML variable-size integer (element sizes). */
export function vint(value: number): Bytes {
  let length = 1;
  while (value >= 2 ** (7 * length) - 1) length++;
  if (length > 8) throw new Error('EBML size too large');
  const out = uintBytes(value, length);
  out[0] = out[0]! | (1 << (8 - length));
  return out;
}

function el(id: number, ...children: Bytes[]): Bytes {
  const body = concat(children);
  return concat([idBytes(id), vint(body.length), body]);
}
const uint = (id: number, v: number, length?: number) => el(id, uintBytes(v, length));
const str = (id: number, s: string) => el(id, new TextEncoder().encode(s));
function float(id: number, v: number): Bytes {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v);
  return el(id, b);
}

function simpleBlock(frame: EncodedFrame, clusterMs: number): Bytes {
  const head = new Uint8Array(4);
  head[0] = 0x81; // track number 1 as a vint
  new DataView(head.buffer).setInt16(1, frame.timestampMs - clusterMs);
  head[3] = frame.key ? 0x80 : 0;
  return el(ID.SimpleBlock, head, frame.data);
}

/** Groups frames into clusters: a new one at each key frame, and before the 16-bit offset runs out. */
function clusters(frames: EncodedFrame[]): { ms: number; bytes: Bytes }[] {
  const out: { ms: number; frames: EncodedFrame[] }[] = [];
  for (const f of frames) {
    const cur = out[out.length - 1];
    if (!cur || (f.key && cur.frames.length) || f.timestampMs - cur.ms > MAX_CLUSTER_SPAN_MS) {
      out.push({ ms: f.timestampMs, frames: [f] });
    } else cur.frames.push(f);
  }
  return out.map((c) => ({
    ms: c.ms,
    bytes: el(ID.Cluster, uint(ID.Timestamp, c.ms), ...c.frames.map((f) => simpleBlock(f, c.ms))),
  }));
}

/** The WebM file of these frames (in presentation order; the first must be a key frame). */
export function writeWebm(track: WebmTrack, frames: EncodedFrame[]): Blob {
  if (!frames.length || !frames[0]!.key) throw new Error('A video needs a key frame first.');
  const frameMs = 1000 / track.fps;
  const header = el(
    ID.EBML,
    uint(ID.EBMLVersion, 1),
    uint(ID.EBMLReadVersion, 1),
    uint(ID.EBMLMaxIDLength, 4),
    uint(ID.EBMLMaxSizeLength, 8),
    str(ID.DocType, 'webm'),
    uint(ID.DocTypeVersion, 4),
    uint(ID.DocTypeReadVersion, 2),
  );
  const info = el(
    ID.Info,
    uint(ID.TimestampScale, 1_000_000),
    float(ID.Duration, frames[frames.length - 1]!.timestampMs + frameMs),
    str(ID.MuxingApp, 'incident-map'),
    str(ID.WritingApp, 'incident-map'),
  );
  const tracks = el(
    ID.Tracks,
    el(
      ID.TrackEntry,
      uint(ID.TrackNumber, 1),
      uint(ID.TrackUID, 1),
      uint(ID.FlagLacing, 0),
      str(ID.CodecID, track.codec),
      uint(ID.TrackType, 1),
      uint(ID.DefaultDuration, Math.round(1e6 * frameMs)),
      el(ID.Video, uint(ID.PixelWidth, track.width), uint(ID.PixelHeight, track.height)),
    ),
  );
  const body = clusters(frames);
  // Cue positions are fixed-width (8 bytes), so the Cues' size does not depend on them.
  const cues = (base: number) => {
    let at = base;
    return el(
      ID.Cues,
      ...body.map((c) => {
        const point = el(
          ID.CuePoint,
          uint(ID.CueTime, c.ms),
          el(ID.CueTrackPositions, uint(ID.CueTrack, 1), uint(ID.CueClusterPosition, at, 8)),
        );
        at += c.bytes.length;
        return point;
      }),
    );
  };
  const before = info.length + tracks.length;
  const cuesBytes = cues(before + cues(0).length);
  const segmentSize = before + cuesBytes.length + body.reduce((n, c) => n + c.bytes.length, 0);
  const segmentHead = concat([idBytes(ID.Segment), vint(segmentSize)]);
  return new Blob(
    [header, segmentHead, info, tracks, cuesBytes, ...body.map((c) => c.bytes)] as BlobPart[],
    {
      type: 'video/webm',
    },
  );
}
