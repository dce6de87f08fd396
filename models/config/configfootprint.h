#pragma once

#include "common/steperror.h"
#include "config/configplan.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

struct ServerContext;

/** What RepliPair wrote into a server's option files, read back from the files themselves: its drop-in,
 *  its marked block in the main file, and the lines it disabled elsewhere. Independent of whether
 *  replication runs now. */
struct ConfigFootprint
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFootprint)
public:
    enum class Kind { DropIn, MarkedBlock, DisabledLines };
    /** One file's share of the footprint. */
    struct Part
    {
        QString path;
        Kind kind = Kind::DropIn;
        QStringList lines;
    };

    QString mainFile;
    QList<Part> parts;

    bool isEmpty() const { return parts.isEmpty(); }
    /** The footprint as a reader sees it: one titled section per part, or a sentence saying there is none. */
    QString toText(const QString& server) const;

    /** Pure: the footprint in @p files (main file first, as OptionFiles::read() returns them). */
    static ConfigFootprint fromFiles(const QString& mainFile, const QList<ConfigPlanner::SourceFile>& files);
    /** Finds and reads the option files of the context's server (connects and inspects when the profile
     *  says "auto"). Runs on the server's worker thread. */
    static Result<ConfigFootprint> read(ServerContext& ctx);
};
