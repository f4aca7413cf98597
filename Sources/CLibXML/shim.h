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

#endif
