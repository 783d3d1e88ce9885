#ifndef GAZETTE_CLIBXML2_SHIM_H
#define GAZETTE_CLIBXML2_SHIM_H

// libxml2's headers pull in the system ICU, which clashes with Foundation's own copy
// ("'UErrorCode' has different definitions in different modules"). Read the version
// header first and switch ICU off before anything else is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/encoding.h>
#include <libxml/entities.h>

/// `xmlFree` is a global function pointer; Swift 6 rejects it as not concurrency-safe.
static inline void gazette_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
