#pragma once

#include <QString>

/** A unified diff of two texts, for showing a config edit before it is made. */
namespace TextDiff {
/** Empty when the texts are equal. @p context lines around each change. */
QString unified(const QString& oldText, const QString& newText, const QString& oldName,
    const QString& newName, int context = 3);
} // namespace TextDiff
