#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/** A MySQL/MariaDB option file, line by line, so an edit keeps every comment and the order. */
class MyCnf
{
public:
    struct Line
    {
        QString text; ///< the line as written (no newline)
        QString section; ///< lower-case section it sits in ("mysqld"), empty before any header
        QString key; ///< normalised option name (lower case, '-' → '_', "loose-" dropped); empty if none
        QString value; ///< the option's value (unquoted), empty for a bare flag
        bool hasValue = false;
        QString include; ///< path of an !include line
        QString includeDir; ///< path of an !includedir line
        QByteArray raw; ///< the bytes as read: an untouched line is written back exactly (any encoding)
        bool edited = false; ///< written from text instead of raw
    };

    static MyCnf parse(const QByteArray& content);
    QByteArray render() const;

    const QList<Line>& lines() const { return m_lines; }
    QStringList includeDirs() const;
    QStringList includes() const;

    /** Sections mysqld/mariadbd read: [mysqld], [server], [mariadb], [mariadbd], [mysqld-X.Y], [mariadb-X.Y].
     */
    static bool isServerSection(const QString& section);
    static QString normaliseKey(const QString& name);

    /** Indexes of lines that set @p key in a server section (outside our marked block). */
    QList<int> findOption(const QString& key) const;
    /** The last value @p key gets in the server sections, as mysqld would read this file alone. */
    QString lastValue(const QString& key, bool* found = nullptr) const;
    /** Turns line @p index into a comment that says RepliPair disabled it. */
    void disableLine(int index);
    /** Replaces (or appends) our block "# BEGIN replipair … # END replipair" with @p body lines under
     * [mysqld]. */
    void setMarkedBlock(const QStringList& body);
    bool hasMarkedBlock() const;
    /** Whether line @p index lies inside our marked block. */
    bool isInMarkedBlock(int index) const;

    static const QString kBlockBegin;
    static const QString kBlockEnd;
    static const QString kDisabledPrefix;

private:
    QList<Line> m_lines;
    bool m_trailingNewline = true;
};
