// libpng needs setjmp for its errors, which Swift cannot host: this file is the one place that
// calls it (see include/hanji_png.h).
#include "hanji_png.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>

struct target { hanji_png_sink sink; void *context; };

static void write_bytes(png_structp png, png_bytep data, png_size_t count) {
    struct target *target = png_get_io_ptr(png);
    target->sink(target->context, data, count);
}

static void flush_nothing(png_structp png) { (void)png; }

int hanji_png_encode(const uint8_t *pixels, int width, int height, int stride, int level,
                     hanji_png_sink sink, void *context) {
    struct target target = {sink, context};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return -1;
    png_infop info = png_create_info_struct(png);
    unsigned char *volatile row = NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        free(row);
        png_destroy_write_struct(&png, info ? &info : NULL);
        return -1;
    }
    row = malloc((size_t)width * 3);
    if (!row) png_error(png, "out of memory");
    png_set_write_fn(png, &target, write_bytes, flush_nothing);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        const uint32_t *pixel = (const uint32_t *)(pixels + (size_t)y * (size_t)stride);
        for (int x = 0; x < width; x++) {
            row[3 * x] = (unsigned char)(pixel[x] >> 16);
            row[3 * x + 1] = (unsigned char)(pixel[x] >> 8);
            row[3 * x + 2] = (unsigned char)pixel[x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    free(row);
    png_destroy_write_struct(&png, &info);
    return 0;
}
