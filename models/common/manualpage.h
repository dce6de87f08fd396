#pragma once

#include <QString>

/** Where the user manual is: the page of docs/ (or docs/zh_CN/) that fits a language. */
namespace ManualPage {
/** The manual's folder: docs/ of the source tree RepliPair was built from. */
QString folder();
/** The local file of @p page ("index.md") in @p localeName's language ("zh_CN", "zh_TW", "en_US", …):
 *  the Chinese page for Chinese when it exists, else the English one. */
QString path(const QString& localeName, const QString& page = QStringLiteral("index.md"));
} // namespace ManualPage
