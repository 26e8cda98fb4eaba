// What a preview page's PNG costs to encode: Cairo's writer (what PNGWriter uses: libpng's
// defaults, zlib level 6 and every filter tried on every row) against libpng told a zlib level
// and one filter, on the same page (the fastest of RUNS runs, and the bytes).
//   cc -O2 bench/png_encode.c -o /tmp/png_encode $(pkg-config --cflags --libs cairo libpng)
//   /tmp/png_encode PAGE.png…   (a page from GET /api/preview/…, or hanji minutes --png)
#include <cairo.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { RUNS = 20 };
static size_t written;

static cairo_status_t count_cairo(void *closure, const unsigned char *data, unsigned int n) {
    written += n;
    return CAIRO_STATUS_SUCCESS;
}
static void count_png(png_structp png, png_bytep data, png_size_t n) { written += n; }
static void flush_png(png_structp png) {}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// libpng over the RGB24 surface's rows (xRGB words → RGB bytes, as Cairo converts them);
// a negative level or filter keeps libpng's default.
static void encode(cairo_surface_t *surface, int level, int filter) {
    int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    unsigned char *data = cairo_image_surface_get_data(surface), *row = malloc(width * 3);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    png_set_write_fn(png, NULL, count_png, flush_png);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (level >= 0) png_set_compression_level(png, level);
    if (filter >= 0) png_set_filter(png, PNG_FILTER_TYPE_BASE, filter);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        const unsigned int *pixel = (const unsigned int *)(data + y * stride);
        for (int x = 0; x < width; x++) {
            row[3 * x] = pixel[x] >> 16, row[3 * x + 1] = pixel[x] >> 8, row[3 * x + 2] = pixel[x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
}

int main(int argc, char **argv) {
    static const struct { const char *name; int level, filter; } settings[] = {
        {"libpng defaults (zlib 6, every filter)", -1, -1},
        {"zlib 1, every filter", 1, -1},
        {"zlib 1, filter none", 1, PNG_FILTER_NONE},
        {"zlib 1, filter up", 1, PNG_FILTER_UP},
        {"zlib 3, filter none", 3, PNG_FILTER_NONE},
        {"zlib 6, filter none", 6, PNG_FILTER_NONE},
    };
    for (int a = 1; a < argc; a++) {
        cairo_surface_t *read = cairo_image_surface_create_from_png(argv[a]);
        if (cairo_surface_status(read)) {
            fprintf(stderr, "%s: %s\n", argv[a], cairo_status_to_string(cairo_surface_status(read)));
            return 1;
        }
        // The preview draws into an RGB24 surface: the page is copied into one.
        int width = cairo_image_surface_get_width(read), height = cairo_image_surface_get_height(read);
        cairo_surface_t *page = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
        cairo_t *cr = cairo_create(page);
        cairo_set_source_surface(cr, read, 0, 0);
        cairo_paint(cr);
        cairo_destroy(cr);
        cairo_surface_flush(page);
        printf("%s (%d x %d)\n", argv[a], width, height);
        for (int s = -1; s < (int)(sizeof settings / sizeof *settings); s++) {
            double best = 1e9;
            for (int run = 0; run < RUNS; run++) {
                double begin = now_ms();
                written = 0;
                if (s < 0) cairo_surface_write_to_png_stream(page, count_cairo, NULL);
                else encode(page, settings[s].level, settings[s].filter);
                double ms = now_ms() - begin;
                if (ms < best) best = ms;
            }
            printf("  %-42s %6.1f ms %8zu bytes\n", s < 0 ? "cairo_surface_write_to_png_stream" : settings[s].name,
                   best, written);
        }
        cairo_surface_destroy(page);
        cairo_surface_destroy(read);
    }
    return 0;
}
