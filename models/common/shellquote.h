#pragma once

#include <QString>

/** Text for a POSIX shell and paths a user typed: the one place that quotes shell words and expands "~". */
namespace Shell {
/** @p s as one single-quoted word: 'it'\''s' — safe for any content, newlines included. */
QString quote(const QString& s);
/** @p s bare when it holds only characters no shell treats specially (easier to read), else quote(). */
QString word(const QString& s);
/** "~" and "~/x" → this user's home ("$HOME/x"); anything else unchanged ("~user" is not expanded). */
QString expandHome(const QString& path);
} // namespace Shell
