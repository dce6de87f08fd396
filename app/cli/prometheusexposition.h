#pragma once

#include "monitor/statussample.h"

#include <QByteArray>
#include <QList>
#include <QString>

/** The Prometheus text exposition format (version 0.0.4) of the latest samples of several pairs: replica
 *  metrics named as mysqld_exporter names them (mysql_up, mysql_slave_status_*), plus
 *  replipair_heartbeat_lag_seconds; labels pair and server. Unknown values (SQL NULL) are left out, as
 *  Prometheus has no NULL. */
class PrometheusExposition
{
public:
    /** One server's newest sample, with the name of its pair. */
    struct Entry
    {
        QString pair;
        StatusSample sample;
    };

    static QByteArray render(const QList<Entry>& entries);
    /** Writes @p text to @p path atomically (a temporary file in the same folder, then a rename), as
     *  node_exporter's textfile collector needs; the error text when it cannot. */
    static std::optional<QString> writeFile(const QString& path, const QByteArray& text);
};
