#pragma once

#include <QString>

/** Quoting of SQL literals and identifiers for statements that cannot take bound parameters
 *  (CREATE USER, CHANGE MASTER, ...). */
namespace SqlQuote {
/** 'value' with ' doubled and, unless the session runs NO_BACKSLASH_ESCAPES, \ doubled. */
QString literal(const QString& value, bool noBackslashEscapes = false);
/** `name` with ` doubled. */
QString identifier(const QString& name);
/** 'user'@'host' */
QString account(const QString& user, const QString& host, bool noBackslashEscapes = false);
} // namespace SqlQuote
