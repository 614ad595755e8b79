/**
 * Turns canvas frames into a WebM file at an exact frame rate, however long each frame took to
 * draw. Measured in Chromium: MediaRecorder on `canvas.captureStream(0)` stamps each
 * `requestFrame()` with the wall clock (5 frames drawn 600 ms apart gave a 2.4 s video instead
 * of 0.5 s at 10 fps), so stepped frames would play at the machine's drawing speed. Hence:
 * - WebCodecs (`VideoEncoder`, VP9 or VP8) with each frame's timestamp set to index / fps, written
 *   by our WebM writer: exact timing and frame count. Needs a secure context (https or localhost).
 * - Fallback without WebCodecs: frames are kept as JPEG while they are drawn, then replayed in
 *   real time at the frame rate into a `captureStream(0)` canvas recorded by MediaRecorder, so
 *   the recorder's clock matches the frame rate. Slower, its timing is only as even as the
 *   browser's timers, and the first frame is shown a little longer (the recorder starts on it).
 */
import { writeWebm, type EncodedFrame, type WebmTrack } from './webm-writer';

/** Receives frames in order and makes the file. */
export interface FrameSink {
  /** Which path is used, for the dialog ("WebCodecs" or "MediaRecorder"). */
  readonly kind: 'webcodecs' | 'mediarecorder';
  add(canvas: HTMLCanvasElement, index: number): Promise<void>;
  /** Finishes the file; `onProgress` reports the fallback's real-time replay. */
  finish(onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<Blob>;
  close(): void;
}

const CODECS: { config: string; webm: WebmTrack['codec'] }[] = [
  { config: 'vp09.00.10.08', webm: 'V_VP9' },
  { config: 'vp8', webm: 'V_VP8' },
];

/** Bits per second: enough for sharp text at 1280 × 720. */
function bitrate(width: number, height: number): number {
  return Math.round(width * height * 4.5);
}

async function webCodecsSink(
  width: number,
  height: number,
  fps: number,
): Promise<FrameSink | null> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') return null;
  const base = { width, height, framerate: fps, bitrate: bitrate(width, height) };
  let chosen: (typeof CODECS)[number] | null = null;
  for (const c of CODECS) {
    const support = await VideoEncoder.isConfigSupported({ ...base, codec: c.config }).catch(
      () => null,
    );
    if (support?.supported) {
      chosen = c;
      break;
    }
  }
  if (!chosen) return null;
  const frames: EncodedFrame[] = [];
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      frames.push({
        data,
        timestampMs: Math.round(chunk.timestamp / 1000),
        key: chunk.type === 'key',
      });
    },
    error: (e) => (failure = e instanceof Error ? e : new Error(String(e))),
  });
  encoder.configure({ ...base, codec: chosen.config, latencyMode: 'quality' });
  const frameUs = 1e6 / fps;
  const codec = chosen.webm;
  return {
    kind: 'webcodecs',
    async add(canvas, index) {
      if (failure) throw failure;
      const frame = new VideoFrame(canvas, {
        timestamp: Math.round(index * frameUs),
        duration: Math.round(frameUs),
      });
      // A key frame every two seconds keeps the file seekable.
      encoder.encode(frame, { keyFrame: index % Math.max(1, Math.round(2 * fps)) === 0 });
      frame.close();
      while (encoder.encodeQueueSize > 2) {
        await new Promise((r) => encoder.addEventListener('dequeue', r, { once: true }));
      }
    },
    async finish() {
      await encoder.flush();
      if (failure) throw failure;
      encoder.close();
      frames.sort((a, b) => a.timestampMs - b.timestampMs);
      return writeWebm({ codec, width, height, fps }, frames);
    },
    close() {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}

function recorderType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return (
    ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) =>
      MediaRecorder.isTypeSupported(t),
    ) ?? null
  );
}

function recorderSink(width: number, height: number, fps: number): FrameSink | null {
  const mimeType = recorderType();
  if (!mimeType) return null;
  const stills: Blob[] = [];
  return {
    kind: 'mediarecorder',
    async add(canvas) {
      stills.push(
        await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob(
            (b) => (b ? resolve(b) : reject(new Error('A frame could not be kept.'))),
            'image/jpeg',
            0.95,
          ),
        ),
      );
    },
    async finish(onProgress, signal) {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      const stream = canvas.captureStream(0);
      const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
      const recorder = new MediaRecorder(stream, {
        mimeType,
        videoBitsPerSecond: bitrate(width, height),
      });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
      const stopped = new Promise<void>((r) => (recorder.onstop = () => r()));
      // Chrome starts recording only once a frame arrives, and drops frames sent before: show
      // the first frame, wait for 'start', then replay every frame on the clock.
      const started = new Promise<void>((r) => (recorder.onstart = () => r()));
      recorder.start();
      const draw = async (i: number) => {
        const bitmap = await createImageBitmap(stills[i]!);
        return () => {
          ctx.drawImage(bitmap, 0, 0);
          bitmap.close();
          track.requestFrame();
        };
      };
      try {
        (await draw(0))();
        await Promise.race([started, new Promise((r) => setTimeout(r, 5000))]);
        const start = performance.now();
        for (let i = 0; i < stills.length; i++) {
          if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
          const show = await draw(i);
          const wait = start + (i * 1000) / fps - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          show();
          onProgress?.(i + 1, stills.length);
        }
        // Hold the last frame for its duration before stopping.
        await new Promise((r) => setTimeout(r, 1000 / fps));
      } finally {
        recorder.stop();
        await stopped;
        track.stop();
      }
      return new Blob(chunks, { type: 'video/webm' });
    },
    close() {
      stills.length = 0;
    },
  };
}

/** The best frame sink this browser has, or null when it can make no video at all. */
export async function createFrameSink(
  width: number,
  height: number,
  fps: number,
  prefer: 'webcodecs' | 'mediarecorder' = 'webcodecs',
): Promise<FrameSink | null> {
  if (prefer === 'mediarecorder') return recorderSink(width, height, fps);
  return (await webCodecsSink(width, height, fps)) ?? recorderSink(width, height, fps);
}
