// For tests that read an organisation's event stream (Server-Sent Events) as a browser would.

/** Reads `stream` as text: `readUntil` reads until the text so far holds `needle`; `text` is all read so far. */
export function streamReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  return {
    reader,
    text: () => text,
    readUntil: async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        text += decoder.decode(value);
      }
    },
  };
}
