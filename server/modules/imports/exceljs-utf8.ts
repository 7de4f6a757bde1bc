import { createRequire } from 'node:module';

/**
 * exceljs 4.4's streaming reader decodes each chunk of a sheet's XML on its own (one shared
 * TextDecoder, called without `stream`), so a Chinese character whose three UTF-8 bytes straddle two
 * chunks comes out as "���": about one cell in a thousand of a large register. This makes that one
 * decoder carry a split character over to the next chunk. It finds the decoder by watching the call
 * exceljs makes, so it works whenever it runs, before or after exceljs is loaded. The reader parses
 * one part of the zip at a time and each part ends on a whole character, so one decoder serves all.
 */
export function mendExcelUtf8(): void {
  const require = createRequire(import.meta.url);
  const { bufferToString } = require('exceljs/lib/utils/browser-buffer-decode.js') as {
    bufferToString: (chunk: Uint8Array) => string;
  };
  const proto = TextDecoder.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its decoder below
  const decode = proto.decode;
  let shared: TextDecoder | undefined;
  proto.decode = function (this: TextDecoder, ...args: Parameters<TextDecoder['decode']>) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the decoder exceljs holds
    shared = this;
    return decode.apply(this, args);
  };
  try {
    bufferToString(new Uint8Array(0));
  } finally {
    proto.decode = decode;
  }
  if (shared && !Object.hasOwn(shared, 'decode')) {
    const decoder = shared;
    Object.defineProperty(decoder, 'decode', {
      value: (input?: AllowSharedBufferSource, options?: TextDecodeOptions) =>
        decode.call(decoder, input, options ?? { stream: true }),
    });
  }
}
