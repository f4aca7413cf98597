/* Parse-only floor for the extraction benchmark: libxml2 htmlReadMemory + xmlFreeDoc over every
 * file named on the command line (same options as HTMLParser), CPU time from getrusage.
 * Build: cc -O2 $(pkg-config --cflags libxml-2.0) extraction-parse-floor.c $(pkg-config --libs libxml-2.0) */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>

static double cpu(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv) {
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  char **buffers = calloc(argc, sizeof(char *));
  long *sizes = calloc(argc, sizeof(long));
  long total = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) continue;
    fseek(f, 0, SEEK_END);
    sizes[i] = ftell(f);
    fseek(f, 0, SEEK_SET);
    buffers[i] = malloc(sizes[i] + 1);
    sizes[i] = (long)fread(buffers[i], 1, sizes[i], f);
    fclose(f);
    total += sizes[i];
  }
  xmlInitParser();
  struct timeval w0, w1;
  gettimeofday(&w0, NULL);
  double c0 = cpu();
  for (int i = 1; i < argc; i++) {
    if (!buffers[i]) continue;
    htmlDocPtr doc = htmlReadMemory(buffers[i], (int)sizes[i], NULL, "UTF-8", options);
    if (doc) xmlFreeDoc(doc);
  }
  double c = cpu() - c0;
  gettimeofday(&w1, NULL);
  double w = (w1.tv_sec - w0.tv_sec) + (w1.tv_usec - w0.tv_usec) / 1e6;
  printf("libxml2 parse only: %.1f MB, wall %.2f s (%.1f MB/s), cpu %.2f s (%.1f MB/s per CPU-second)\n",
         total / 1e6, w, total / 1e6 / w, c, total / 1e6 / c);
  return 0;
}
