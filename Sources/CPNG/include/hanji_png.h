// A page image encoded as PNG quickly, for the server's previews: libpng with zlib level 1 and
// no row filter (a page is mostly white: 7-10 ms where Cairo's writer, libpng's defaults of
// level 6 and every filter tried on every row, takes 29-42 ms, for fewer bytes).
#ifndef HANJI_PNG_H
#define HANJI_PNG_H
#include <stddef.h>
#include <stdint.h>

/// Receives the PNG's bytes as they are made.
typedef void (*hanji_png_sink)(void *context, const uint8_t *bytes, size_t count);

/// Encodes `height` rows of `width` xRGB pixels (Cairo's RGB24: one native-endian 32-bit word
/// per pixel, `stride` bytes a row) as an 8-bit RGB PNG. Returns 0, or -1 when libpng failed
/// (its error is caught here: libpng's longjmp never crosses into the caller).
int hanji_png_encode(const uint8_t *pixels, int width, int height, int stride, int level,
                     hanji_png_sink sink, void *context);
#endif
