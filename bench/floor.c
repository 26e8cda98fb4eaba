// The floor under Hanji's cold start: the same text drawn into a PDF by Cairo and Pango alone,
// with no layout engine: one Pango layout per line of the input, stacked down A4 pages, in two
// fonts (Hanji's minutes use four, with tables, justification and a second thread).
// Built and run by bench/bench.py: cc floor.c $(pkg-config --cflags --libs pangocairo pangoft2 fontconfig)
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: floor TEXT OUT.pdf\n"); return 2; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 1; }
    // The same private font configuration as Hanji's: the Debian font packages only.
    FcConfig *config = FcConfigCreate();
    char xml[4096];
    const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    snprintf(xml, sizeof xml, "<?xml version=\"1.0\"?><fontconfig>"
             "<dir>/usr/share/fonts/truetype/nanum</dir><dir>/usr/share/fonts/truetype/dejavu</dir>"
             "<cachedir>%s%s/hanji/fontconfig</cachedir></fontconfig>",
             cache ? cache : home ? home : "/tmp", cache ? "" : "/.cache");
    FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml, 1);
    FcConfigBuildFonts(config);
    FcConfigSetCurrent(config);
    PangoFontMap *map = pango_cairo_font_map_new();
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72);
    PangoContext *context = pango_font_map_create_context(map);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    PangoFontDescription *body = pango_font_description_from_string("NanumMyeongjo, DejaVu Serif");
    pango_font_description_set_absolute_size(body, 10.5 * PANGO_SCALE);
    PangoFontDescription *label = pango_font_description_from_string("NanumGothic, DejaVu Sans");
    pango_font_description_set_absolute_size(label, 10 * PANGO_SCALE);

    cairo_surface_t *pdf = cairo_pdf_surface_create(argv[2], 595.28, 841.89);
    cairo_t *cr = cairo_create(pdf);
    double y = 57, width = 481.9;
    char line[65536];
    int n = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        PangoLayout *layout = pango_layout_new(context);
        pango_layout_set_text(layout, line, -1);
        pango_layout_set_font_description(layout, (n++ % 3) ? body : label);
        pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        int w, h;
        pango_layout_get_size(layout, &w, &h);
        if (y + h / (double)PANGO_SCALE > 785) { cairo_show_page(cr); y = 57; }
        cairo_move_to(cr, 57, y);
        pango_cairo_show_layout(cr, layout);
        y += h / (double)PANGO_SCALE * 1.3;
        g_object_unref(layout);
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    int status = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    return status != CAIRO_STATUS_SUCCESS;
}
