#include "comparecommand.h"

#include "actions/chunkedcompare.h"
#include "actions/comparestate.h"
#include "cli.h"
#include "host/serverworker.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <csignal>
#include <tuple>

namespace {
std::atomic_bool g_cancel { false };
std::atomic_int g_signal { 0 };

extern "C" void onSignal(int sig)
{
    g_signal.store(sig);
    g_cancel.store(true);
}
} // namespace

bool CompareCommand::parseOptions(const CliOptions& options, CompareOptions* into, QString* error)
{
    static const QRegularExpression tableName(QStringLiteral("^[^.\\s]+\\.[^.\\s]+$"));
    for (const QString& t : options.tables.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tableName.match(t.trimmed()).hasMatch()) {
            *error = tr("--tables takes database.table names separated by commas, not \"%1\"").arg(t);
            return false;
        }
        into->tables << t.trimmed();
    }
    for (auto [text, into, name] : { std::tuple { &options.chunkTime, &into->chunkSeconds, "--chunk-time" },
             std::tuple { &options.maxLag, &into->maxLagSeconds, "--max-lag" } }) {
        if (text->isEmpty())
            continue;
        bool ok = false;
        *into = text->toDouble(&ok);
        if (!ok || !(*into > 0) || *into > 3600) {
            *error = tr("%1 takes a number of seconds above 0").arg(QLatin1String(name));
            return false;
        }
    }
    if (options.since.isEmpty())
        return true;
    const QString column = options.since.section(QLatin1Char('='), 0, 0).trimmed();
    const QString value = options.since.section(QLatin1Char('='), 1).trimmed();
    static const QRegularExpression ago(QStringLiteral("^(\\d+)([smhd])$"));
    QDateTime at;
    if (const QRegularExpressionMatch m = ago.match(value); m.hasMatch()) {
        const qint64 unit = m.captured(2) == QLatin1String("s") ? 1
            : m.captured(2) == QLatin1String("m")               ? 60
            : m.captured(2) == QLatin1String("h")               ? 3600
                                                                : 86400;
        at = QDateTime::currentDateTimeUtc().addSecs(-m.captured(1).toLongLong() * unit);
    } else {
        at = QDateTime::fromString(QString(value).replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODate);
        at = QDateTime(at.date(), at.time(), QTimeZone::utc());
    }
    if (column.isEmpty() || !at.isValid()) {
        *error = tr("--since takes COLUMN=TIME: a UTC time (2026-12-04 10:00:00) or an age (30m, 2h, 1d)");
        return false;
    }
    into->sinceColumn = column;
    into->sinceValue = at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return true;
}

int CompareCommand::run(const PairProfile& profile, const CliOptions& options)
{
    CompareOptions compareOptions;
    QString bad;
    if (!parseOptions(options, &compareOptions, &bad))
        return Cli::badInput(bad);
    std::optional<CompareReport> resumeFrom;
    if (options.resume) {
        auto saved = CompareState::load(profile, compareOptions);
        if (!saved)
            return Cli::badInput(saved.error().text);
        resumeFrom = *saved;
        if (!resumeFrom)
            Cli::err() << tr("compare: nothing to resume with these options: comparing from the start")
                       << Qt::endl;
    }
    ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
    for (ServerWorker* w : { &a, &b }) {
        if (const auto c = w->run([](ServerContext& ctx) { return ctx.connect(); }); !c) {
            Cli::printFailure(c.error(), options.json);
            return Cli::Failed;
        }
    }
    g_cancel.store(false);
    const auto oldInt = std::signal(SIGINT, onSignal);
    const auto oldTerm = std::signal(SIGTERM, onSignal);
    ChunkedCompare compare(profile, &a, &b, &g_cancel);
    compare.setOptions(compareOptions);
    QElapsedTimer shown;
    compare.setProgress([&shown](const CompareProgress& p) {
        if (shown.isValid() && shown.elapsed() < 1000)
            return;
        shown.start();
        Cli::err() << (p.throttled
                ? tr("compare: paused (a replica lags or a source is busy): %1/%2 tables, %3 chunks, %4 rows")
                : tr("compare: %1/%2 tables, %3 chunks, %4 rows%5"))
                          .arg(p.tablesDone)
                          .arg(p.tables)
                          .arg(p.chunks)
                          .arg(p.rows)
                          .arg(p.secondsLeft >= 0 && !p.throttled
                                  ? tr(", about %1 s left").arg(qRound(p.secondsLeft))
                                  : QString())
                   << Qt::endl;
    });
    QString stateError;
    compare.setCheckpoint([&](const CompareReport& r) {
        if (auto s = CompareState::save(profile, compareOptions, r); !s)
            stateError = s.error().text;
    });
    auto report = compare.run(resumeFrom.value_or(CompareReport {}));
    std::signal(SIGINT, oldInt);
    std::signal(SIGTERM, oldTerm);
    if (!stateError.isEmpty())
        Cli::err() << stateError << Qt::endl;
    if (!report) {
        Cli::printFailure(report.error(), options.json);
        Cli::err() << tr("compare: run it again with --resume to go on from the last chunk") << Qt::endl;
        return Cli::Failed;
    }
    const QString nameA = profile.servers[0].name, nameB = profile.servers[1].name;
    if (!report->cancelled)
        CompareState::remove(profile);
    else if (auto s = CompareState::save(profile, compareOptions, *report); !s)
        Cli::err() << s.error().text << Qt::endl;
    if (options.json) {
        Cli::out() << QJsonDocument(report->toJson(nameA, nameB)).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        Cli::out() << tr("%1 table(s), %2 chunk(s), %3 row(s) compared; %4 range(s) differ")
                          .arg(report->tablesCompared)
                          .arg(report->chunks)
                          .arg(report->rows)
                          .arg(report->differences.size())
                   << Qt::endl;
        for (const ChunkDifference& d : report->differences)
            Cli::out() << tr("  differs: %1 %2 (rows: %3 %4, %5 %6)")
                              .arg(d.table, d.rangeText(), nameA)
                              .arg(d.rows[0])
                              .arg(nameB)
                              .arg(d.rows[1])
                       << Qt::endl;
        for (const QString& t : report->wholeTables)
            Cli::out() << tr("  %1 has no primary or unique key: compared whole").arg(t) << Qt::endl;
        for (const QString& t : report->skipped)
            Cli::out() << tr("  %1 has no column %2: skipped").arg(t, compareOptions.sinceColumn) << Qt::endl;
        for (const QString& n : report->notCompared)
            Cli::out() << tr("  not compared: %1").arg(n) << Qt::endl;
        if (report->cancelled)
            Cli::out() << tr("cancelled: every SQL thread runs again; --resume goes on from here")
                       << Qt::endl;
    }
    if (report->cancelled)
        return 128 + (g_signal.load() ? g_signal.load() : SIGINT);
    if (!report->differences.isEmpty())
        return Cli::Failed;
    return report->notCompared.isEmpty() ? Cli::Success : 3;
}
