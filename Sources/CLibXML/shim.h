#ifndef CLIBXML_SHIM_H
#define CLIBXML_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers clash with Foundation's own ICU module. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlIO.h>

/* xmlFree is a mutable C global, which Swift 6 refuses to touch directly. */
static inline void clibxml_free(void *p) { xmlFree(p); }

/* Generic-error handlers are variadic, which Swift cannot write: one that drops the message,
   installed on the calling thread (NULL restores libxml2's default, printing to stderr). */
static inline void clibxml_ignore_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void clibxml_silence_generic_errors(int silence) {
  xmlSetGenericErrorFunc(NULL, silence ? clibxml_ignore_generic_error : NULL);
}

#endif
