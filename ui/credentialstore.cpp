#include "credentialstore.h"

#include "common/stepid.h"

#include <qt6keychain/keychain.h>

#include <QPromise>

#include <memory>

// Jobs have no parent: a job in flight outlives the store (libsecret calls back into it), and deletes
// itself once finished.
namespace {
QString keychainError(const QKeychain::Job* job)
{
    return CredentialStore::tr("the keychain did not answer: %1").arg(job->errorString());
}

/** Runs @p jobs one after the other (a keychain serves one request at a time on some systems), then
 *  @p done with the first error. */
void runInTurn(std::shared_ptr<QList<QKeychain::Job*>> jobs, std::function<void(const QString&)> done,
    QString firstError = {})
{
    if (jobs->isEmpty()) {
        done(firstError);
        return;
    }
    QKeychain::Job* job = jobs->takeFirst();
    QObject::connect(job, &QKeychain::Job::finished, job, [jobs, done, firstError](QKeychain::Job* j) {
        QString error = firstError;
        if (error.isEmpty() && j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            error = keychainError(j);
        runInTurn(jobs, done, error);
    });
    job->start();
}
} // namespace

CredentialStore::CredentialStore(QObject* parent)
    : QObject(parent)
{ }

QString CredentialStore::service()
{
    return QStringLiteral("RepliPair");
}

QString CredentialStore::entryName(const ServerProfile& server, Secret secret)
{
    return secret == Secret::Sql
        ? QStringLiteral("sql:%1@%2:%3").arg(server.adminUser, server.host).arg(server.port)
        : QStringLiteral("ssh:%1@%2:%3").arg(server.ssh.user, server.ssh.host).arg(server.ssh.port);
}

QFuture<Result<void>> CredentialStore::store(const QString& entry, const QString& secret)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto* job = new QKeychain::WritePasswordJob(service());
    job->setKey(entry);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError)
            promise->addResult(stepFailure(QString(), StepId::Keychain, keychainError(j)));
        else
            promise->addResult(Result<void> {});
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<QString>> CredentialStore::read(const QString& entry)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto* job = new QKeychain::ReadPasswordJob(service());
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, job, [promise, entry](QKeychain::Job* j) {
        if (j->error() == QKeychain::EntryNotFound)
            promise->addResult(
                stepFailure(QString(), StepId::Keychain, tr("the keychain holds no entry %1").arg(entry)));
        else if (j->error() != QKeychain::NoError)
            promise->addResult(stepFailure(QString(), StepId::Keychain, keychainError(j)));
        else
            promise->addResult(static_cast<QKeychain::ReadPasswordJob*>(j)->textData());
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> CredentialStore::forget(const QString& entry)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto* job = new QKeychain::DeletePasswordJob(service());
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            promise->addResult(stepFailure(QString(), StepId::Keychain, keychainError(j)));
        else
            promise->addResult(Result<void> {});
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<PairProfile> CredentialStore::fillFromKeychain(const PairProfile& profile)
{
    auto promise = std::make_shared<QPromise<PairProfile>>();
    promise->start();
    auto filled = std::make_shared<PairProfile>(profile);
    auto jobs = std::make_shared<QList<QKeychain::Job*>>();
    for (int i = 0; i < 2; ++i) {
        ServerProfile& s = filled->servers[i];
        auto add = [&](const QString& entry, QString* target) {
            if (entry.isEmpty() || !target->isEmpty())
                return;
            auto* job = new QKeychain::ReadPasswordJob(service());
            job->setKey(entry);
            connect(job, &QKeychain::Job::finished, job, [filled, target](QKeychain::Job* j) {
                if (j->error() == QKeychain::NoError)
                    *target = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
            });
            *jobs << job;
        };
        add(s.adminPasswordKeychain, &s.adminPasswordOverride);
        if (s.hasSsh)
            add(s.ssh.passwordKeychain, &s.ssh.passwordOverride);
    }
    runInTurn(jobs, [promise, filled](const QString&) {
        promise->addResult(*filled);
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<void>> CredentialStore::storeFromProfile(const PairProfile& profile)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto jobs = std::make_shared<QList<QKeychain::Job*>>();
    for (const ServerProfile& s : profile.servers) {
        auto add = [&](const QString& entry, const QString& secret) {
            if (entry.isEmpty() || secret.isEmpty())
                return;
            auto* job = new QKeychain::WritePasswordJob(service());
            job->setKey(entry);
            job->setTextData(secret);
            *jobs << job;
        };
        add(s.adminPasswordKeychain, s.adminPasswordOverride);
        if (s.hasSsh)
            add(s.ssh.passwordKeychain, s.ssh.passwordOverride);
    }
    runInTurn(jobs, [promise](const QString& error) {
        promise->addResult(
            error.isEmpty() ? Result<void> {} : stepFailure(QString(), StepId::Keychain, error));
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<void>> CredentialStore::forgetProfile(const PairProfile& profile)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto jobs = std::make_shared<QList<QKeychain::Job*>>();
    for (const ServerProfile& s : profile.servers)
        for (const QString& entry : { s.adminPasswordKeychain, s.ssh.passwordKeychain }) {
            if (entry.isEmpty())
                continue;
            auto* job = new QKeychain::DeletePasswordJob(service());
            job->setKey(entry);
            *jobs << job;
        }
    runInTurn(jobs, [promise](const QString& error) {
        promise->addResult(
            error.isEmpty() ? Result<void> {} : stepFailure(QString(), StepId::Keychain, error));
        promise->finish();
    });
    return promise->future();
}
