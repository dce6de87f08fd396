#include "common/pairprofile.h"

#include "common/profilefields.h"
#include "common/profilerules.h"
#include "common/stepid.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace {

SwitchHooks parseHooks(const QJsonObject& o, const QString& where, ProfileFields& p)
{
    p.unknownKeys(o,
        { QStringLiteral("beforeSwitch"), QStringLiteral("afterSwitch"), QStringLiteral("rollback"),
            QStringLiteral("timeoutSeconds") },
        where);
    SwitchHooks h;
    h.beforeSwitch = p.string(o, QStringLiteral("beforeSwitch"), where, {});
    h.afterSwitch = p.string(o, QStringLiteral("afterSwitch"), where, {});
    h.rollback = p.string(o, QStringLiteral("rollback"), where, {});
    const QJsonValue timeout = o.value(QStringLiteral("timeoutSeconds"));
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const double d = timeout.toDouble(-1);
        if (!timeout.isDouble() || d != int(d) || d < 1 || d > 3600)
            p.add(where,
                PairProfile::tr("\"timeoutSeconds\" must be a whole number of seconds from 1 to 3600"));
        else
            h.timeoutSeconds = int(d);
    }
    return h;
}

/** "writer": "both", or the name of a server ("A"/"B" stand for the first/second). */
int parseWriter(const QJsonObject& json, const PairProfile& pair, const QString& where, ProfileFields& p)
{
    const QString writer = p.string(json, QStringLiteral("writer"), where, QStringLiteral("both"));
    if (writer == QLatin1String("both"))
        return -1;
    const int index = pair.serverIndex(writer);
    if (index < 0)
        p.add(where,
            PairProfile::tr(
                "\"writer\" must be \"both\" or the name of the server taking the writes (%1 or %2)")
                .arg(pair.servers[0].name, pair.servers[1].name));
    return index;
}

} // namespace

bool SwitchHooks::isDefault() const
{
    return beforeSwitch.isEmpty() && afterSwitch.isEmpty() && rollback.isEmpty() && timeoutSeconds == 30;
}

QJsonObject SwitchHooks::toJson() const
{
    QJsonObject o { { QStringLiteral("timeoutSeconds"), timeoutSeconds } };
    if (!beforeSwitch.isEmpty())
        o.insert(QStringLiteral("beforeSwitch"), beforeSwitch);
    if (!afterSwitch.isEmpty())
        o.insert(QStringLiteral("afterSwitch"), afterSwitch);
    if (!rollback.isEmpty())
        o.insert(QStringLiteral("rollback"), rollback);
    return o;
}

QString PairProfile::gtidToString(GtidMode mode)
{
    switch (mode) {
    case GtidMode::On:
        return QStringLiteral("on");
    case GtidMode::Off:
        return QStringLiteral("off");
    case GtidMode::Auto:
        break;
    }
    return QStringLiteral("auto");
}

Result<PairProfile> PairProfile::fromJson(const QJsonObject& json)
{
    ProfileFields p;
    const QString top = PairProfile::tr("profile");
    p.unknownKeys(json,
        { QStringLiteral("name"), QStringLiteral("databases"), QStringLiteral("ignoreDatabases"),
            QStringLiteral("replicationUser"), QStringLiteral("replicationUserHost"), QStringLiteral("gtid"),
            QStringLiteral("autoIncrement"), QStringLiteral("ssl"), QStringLiteral("binlogFormat"),
            QStringLiteral("syncBinlog"), QStringLiteral("rollingRestart"), QStringLiteral("filterStyle"),
            QStringLiteral("restart"), QStringLiteral("servers"), QStringLiteral("initialCopy"),
            QStringLiteral("replaceTarget"), QStringLiteral("copyMethod"), QStringLiteral("writer"),
            QStringLiteral("hooks"), QStringLiteral("tls") },
        top);
    PairProfile pair;
    pair.name = p.string(json, QStringLiteral("name"), top, {}, true);
    pair.databases = p.names(json, QStringLiteral("databases"), top);
    pair.ignoreDatabases = p.names(json, QStringLiteral("ignoreDatabases"), top);
    pair.replicationUser = p.string(json, QStringLiteral("replicationUser"), top, pair.replicationUser);
    if (pair.replicationUser.isEmpty() || pair.replicationUser.size() > 32)
        p.add(top, PairProfile::tr("\"replicationUser\" must be 1 to 32 characters"));
    pair.replicationUserHost
        = p.string(json, QStringLiteral("replicationUserHost"), top, pair.replicationUserHost);
    if (pair.replicationUserHost.isEmpty())
        pair.replicationUserHost = QStringLiteral("peer");
    const QString gtid = p.string(json, QStringLiteral("gtid"), top, QStringLiteral("auto")).toLower();
    if (gtid == QLatin1String("on"))
        pair.gtid = GtidMode::On;
    else if (gtid == QLatin1String("off"))
        pair.gtid = GtidMode::Off;
    else if (gtid == QLatin1String("auto"))
        pair.gtid = GtidMode::Auto;
    else
        p.add(top, PairProfile::tr("\"gtid\" must be \"auto\", \"on\" or \"off\""));
    pair.autoIncrement = p.boolean(json, QStringLiteral("autoIncrement"), top, true);
    TlsSettings tls;
    const QJsonValue tlsValue = json.value(QStringLiteral("tls"));
    if (tlsValue.isObject())
        tls = TlsSettings::fromJson(tlsValue.toObject(), QStringLiteral("tls"), p);
    else if (!tlsValue.isUndefined() && !tlsValue.isNull())
        p.add(top, PairProfile::tr("\"tls\" must be an object"));
    if (json.contains(QStringLiteral("ssl"))) {
        // the field before "tls": true encrypted the replication link without checking the certificate
        const bool ssl = p.boolean(json, QStringLiteral("ssl"), top, false);
        if (tlsValue.isObject())
            pair.notes << PairProfile::tr("\"ssl\" is ignored: \"tls\" says how the pair encrypts");
        else if (ssl) {
            tls.mode = TlsMode::Required;
            pair.notes << PairProfile::tr(
                "\"ssl\": true is read as \"tls\": {\"mode\": \"required\"} (encrypted, but any certificate "
                "is "
                "believed); give \"tls\" with \"mode\": \"verify-ca\" and your \"ca\" to check who answers");
        }
    }
    pair.rollingRestart = p.boolean(json, QStringLiteral("rollingRestart"), top, false);
    const QString filters = p.string(json, QStringLiteral("filterStyle"), top, QStringLiteral("wild"));
    if (filters == QLatin1String("wild"))
        pair.filterStyle = FilterStyle::Wild;
    else if (filters == QLatin1String("do-db"))
        pair.filterStyle = FilterStyle::DoDb;
    else
        p.add(top, PairProfile::tr("\"filterStyle\" must be \"wild\" or \"do-db\""));
    const QString restart = p.string(json, QStringLiteral("restart"), top, QStringLiteral("auto"));
    if (restart == QLatin1String("auto"))
        pair.restart = RestartPolicy::Auto;
    else if (restart == QLatin1String("allowed"))
        pair.restart = RestartPolicy::Allowed;
    else if (restart == QLatin1String("never"))
        pair.restart = RestartPolicy::Never;
    else
        p.add(top, PairProfile::tr("\"restart\" must be \"auto\", \"allowed\" or \"never\""));
    pair.binlogFormat = p.string(json, QStringLiteral("binlogFormat"), top, {}).toUpper();
    if (!pair.binlogFormat.isEmpty()
        && !QStringList { QStringLiteral("ROW"), QStringLiteral("MIXED"), QStringLiteral("STATEMENT") }
                .contains(pair.binlogFormat))
        p.add(top, PairProfile::tr("\"binlogFormat\" must be ROW, MIXED or STATEMENT"));
    const QJsonValue sync = json.value(QStringLiteral("syncBinlog"));
    if (!sync.isUndefined()) {
        if (!sync.isDouble() || sync.toDouble() < 0)
            p.add(top, PairProfile::tr("\"syncBinlog\" must be a number of 0 or more"));
        else
            pair.syncBinlog = sync.toInt();
    }
    for (const QString& db : pair.databases)
        if (pair.ignoreDatabases.contains(db))
            p.add(top, PairProfile::tr("database \"%1\" is both replicated and ignored").arg(db));

    const QJsonValue servers = json.value(QStringLiteral("servers"));
    if (!servers.isArray() || servers.toArray().size() != 2) {
        p.add(top, PairProfile::tr("\"servers\" must be an array of exactly two servers"));
    } else {
        for (int i = 0; i < 2; ++i) {
            const QString where = QStringLiteral("servers[%1]").arg(i);
            const QJsonValue v = servers.toArray().at(i);
            if (!v.isObject())
                p.add(where, PairProfile::tr("must be an object"));
            else
                pair.servers[i] = ServerProfile::fromJson(v.toObject(), where, p);
        }
        if (!pair.servers[0].name.isEmpty() && pair.servers[0].name == pair.servers[1].name)
            p.add(top, PairProfile::tr("the two servers must have different names"));
        if (pair.servers[0].host == pair.servers[1].host && pair.servers[0].port == pair.servers[1].port
            && !pair.servers[0].host.isEmpty())
            p.add(top,
                PairProfile::tr("both servers are %1: a server cannot replicate with itself")
                    .arg(pair.servers[0].endpoint()));
    }
    pair.replaceTarget = p.boolean(json, QStringLiteral("replaceTarget"), top, false);
    const QString method = p.string(json, QStringLiteral("copyMethod"), top, QStringLiteral("logical"));
    if (method == QLatin1String("logical"))
        pair.copyMethod = CopyMethod::Logical;
    else if (method == QLatin1String("physical"))
        pair.copyMethod = CopyMethod::Physical;
    else if (method == QLatin1String("auto"))
        pair.copyMethod = CopyMethod::Auto;
    else
        p.add(top, PairProfile::tr("\"copyMethod\" must be \"logical\", \"physical\" or \"auto\""));
    const QJsonValue copy = json.value(QStringLiteral("initialCopy"));
    if (!copy.isUndefined() && !copy.isNull()) {
        pair.initialCopy = copy.isString() ? pair.serverIndex(copy.toString()) : -1;
        if (pair.initialCopy < 0)
            p.add(top,
                PairProfile::tr(
                    "\"initialCopy\" must be null or the name of the server copied from (%1 or %2)")
                    .arg(pair.servers[0].name, pair.servers[1].name));
    }
    pair.writer = parseWriter(json, pair, top, p);
    pair.setTls(tls);
    const QJsonValue hooks = json.value(QStringLiteral("hooks"));
    if (hooks.isObject())
        pair.hooks = parseHooks(hooks.toObject(), QStringLiteral("hooks"), p);
    else if (!hooks.isUndefined() && !hooks.isNull())
        p.add(top, PairProfile::tr("\"hooks\" must be an object or null"));
    // names, hosts, accounts, paths: nothing may write into an option file, a command or an output line
    for (const auto& [where, what] : ProfileRules::check(pair))
        p.add(where, what);
    if (!p.isEmpty())
        return stepFailure({}, StepId::Profile, p.text());
    return pair;
}

Result<PairProfile> PairProfile::load(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return stepFailure(
            {}, StepId::Profile, PairProfile::tr("cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError)
        return stepFailure({}, StepId::Profile,
            PairProfile::tr("%1 is not valid JSON at offset %2: %3")
                .arg(path)
                .arg(err.offset)
                .arg(err.errorString()));
    if (!doc.isObject())
        return stepFailure({}, StepId::Profile, PairProfile::tr("%1 must hold a JSON object").arg(path));
    auto pair = fromJson(doc.object());
    if (!pair)
        return std::unexpected(
            StepError { {}, pair.error().step, 0, path + QStringLiteral(":\n") + pair.error().text });
    pair->filePath = path;
    // relative password files are relative to the profile
    for (ServerProfile& s : pair->servers)
        if (!s.adminPasswordFile.isEmpty() && QDir::isRelativePath(s.adminPasswordFile)
            && !s.adminPasswordFile.startsWith(QLatin1Char('~')))
            s.adminPasswordFile = QFileInfo(path).absoluteDir().filePath(s.adminPasswordFile);
    // so are the certificate files RepliPair itself reads
    TlsSettings tls = pair->tls;
    for (QString* f : { &tls.files.ca, &tls.files.cert, &tls.files.key })
        if (!f->isEmpty() && QDir::isRelativePath(*f) && !f->startsWith(QLatin1Char('~')))
            *f = QFileInfo(path).absoluteDir().filePath(*f);
    pair->setTls(tls);
    return pair;
}

QJsonObject PairProfile::toJson() const
{
    auto list = [](const QStringList& l) { return QJsonArray::fromStringList(l); };
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("databases"), list(databases) },
        { QStringLiteral("ignoreDatabases"), list(ignoreDatabases) },
        { QStringLiteral("replicationUser"), replicationUser },
        { QStringLiteral("replicationUserHost"), replicationUserHost },
        { QStringLiteral("gtid"), gtidToString(gtid) }, { QStringLiteral("autoIncrement"), autoIncrement },
        { QStringLiteral("tls"), tls.toJson() }, { QStringLiteral("syncBinlog"), syncBinlog },
        { QStringLiteral("rollingRestart"), rollingRestart },
        { QStringLiteral("filterStyle"), filterStyleToString(filterStyle) },
        { QStringLiteral("restart"), restartPolicyToString(restart) },
        { QStringLiteral("servers"), QJsonArray { servers[0].toJson(), servers[1].toJson() } } };
    if (!binlogFormat.isEmpty())
        o.insert(QStringLiteral("binlogFormat"), binlogFormat);
    o.insert(QStringLiteral("initialCopy"),
        initialCopy == 0 || initialCopy == 1 ? QJsonValue(servers[initialCopy].name) : QJsonValue());
    if (replaceTarget)
        o.insert(QStringLiteral("replaceTarget"), true);
    if (copyMethod != CopyMethod::Logical)
        o.insert(QStringLiteral("copyMethod"), copyMethodToString(copyMethod));
    // the writer by its server's name; a server called "both" is written as its letter
    const int w = writerIndex();
    o.insert(QStringLiteral("writer"),
        w < 0                                          ? QStringLiteral("both")
            : servers[w].name != QLatin1String("both") ? servers[w].name
                                                       : QString(QLatin1Char(w == 0 ? 'A' : 'B')));
    if (!hooks.isDefault())
        o.insert(QStringLiteral("hooks"), hooks.toJson());
    return o;
}

Result<void> PairProfile::save(const QString& path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return stepFailure(
            {}, StepId::Profile, PairProfile::tr("cannot write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return stepFailure(
            {}, StepId::Profile, PairProfile::tr("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

void PairProfile::setTls(const TlsSettings& settings)
{
    tls = settings;
    for (ServerProfile& s : servers)
        s.tls = settings;
}

QString PairProfile::replicationHostFor(int index) const
{
    if (replicationUserHost != QLatin1String("peer"))
        return replicationUserHost;
    return servers[1 - index].effectivePeerHost();
}

int PairProfile::serverIndex(const QString& nameOrLetter) const
{
    for (int i = 0; i < 2; ++i)
        if (!servers[i].name.isEmpty() && servers[i].name == nameOrLetter)
            return i;
    // "A" and "B" name the first and second server when no server is called so
    if (nameOrLetter == QLatin1String("A"))
        return 0;
    if (nameOrLetter == QLatin1String("B"))
        return 1;
    return -1;
}

QString PairProfile::probeDatabase() const
{
    return databases.isEmpty() ? QStringLiteral("replipair") : databases.first();
}

QString PairProfile::filterStyleToString(FilterStyle style)
{
    return style == FilterStyle::DoDb ? QStringLiteral("do-db") : QStringLiteral("wild");
}

QString PairProfile::copyMethodToString(CopyMethod method)
{
    switch (method) {
    case CopyMethod::Physical:
        return QStringLiteral("physical");
    case CopyMethod::Auto:
        return QStringLiteral("auto");
    case CopyMethod::Logical:
        break;
    }
    return QStringLiteral("logical");
}

QString PairProfile::restartPolicyToString(RestartPolicy policy)
{
    switch (policy) {
    case RestartPolicy::Allowed:
        return QStringLiteral("allowed");
    case RestartPolicy::Never:
        return QStringLiteral("never");
    case RestartPolicy::Auto:
        break;
    }
    return QStringLiteral("auto");
}

bool PairProfile::mayRestart(bool logBinOn) const
{
    switch (restart) {
    case RestartPolicy::Allowed:
        return true;
    case RestartPolicy::Never:
        return false;
    case RestartPolicy::Auto:
        break;
    }
    return !logBinOn;
}
