#include "common/shellquote.h"
#include "config/configlocator.h"
#include "host/blockpipe.h"
#include "host/localshell.h"
#include "host/optionfiletree.h"
#include "host/restartdetector.h"
#include "host/serverworker.h"
#include "host/ssh/sshshell.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

/** SshShell against a real sshd on loopback: host keys, every auth method, file operations, timeouts. */
class TestSshShell : public QObject
{
    Q_OBJECT
    SshdFixture m_sshd;

    SshEndpoint known() const { return m_sshd.endpoint(); } // host key trusted in initTestCase

    std::unique_ptr<SshShell> openOrFail(const SshEndpoint& ep)
    {
        auto s = SshShell::open(QStringLiteral("A"), ep, 5000);
        if (!s) {
            qWarning("%s", qPrintable(s.error().toString()));
            return {};
        }
        return std::move(*s);
    }
    QString remote(SshShell& shell, const QString& cmd)
    {
        auto r = shell.run(cmd, 10000);
        return r ? QString::fromUtf8(r->out).trimmed() : r.error().toString();
    }

    /** Relays what @p from prints to @p to's stdin through a BlockPipe, each on a thread of its own (as two
     *  server workers do): both results. */
    static std::pair<Result<CommandResult>, Result<CommandResult>> relay(HostShell& from, const QString& out,
        HostShell& to, const QString& in, BlockPipe& pipe, const std::function<void()>& meanwhile = {})
    {
        Result<CommandResult> sent = std::unexpected(StepError {}), received = std::unexpected(StepError {});
        std::unique_ptr<QThread> a(QThread::create([&] {
            sent = from.stream(out, pipe.sourceEnd(30000));
            if (sent && sent->exitCode == 0)
                pipe.finish();
            else
                pipe.breakOff();
        }));
        std::unique_ptr<QThread> b(QThread::create([&] {
            received = to.stream(in, pipe.targetEnd(30000));
            if (!received || received->exitCode != 0)
                pipe.breakOff();
        }));
        a->start();
        b->start();
        if (meanwhile)
            meanwhile();
        a->wait();
        b->wait();
        return { sent, received };
    }
    /** A file of @p megabytes of random bytes the test sshd's login can read: its path and SHA-256. */
    std::pair<QString, QByteArray> randomFile(int megabytes)
    {
        const QString path = m_sshd.userDir() + QStringLiteral("/random.bin");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        QCryptographicHash sha(QCryptographicHash::Sha256);
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < megabytes; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
            f.write(block);
            sha.addData(block);
        }
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        return { path, sha.result().toHex() };
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/sbin/sshd")))
            QSKIP("openssh-server is not installed (scripts/install-deps.sh installs it)");
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
        auto trusted = SshSession::trustHostKey(known(), m_sshd.hostKeyFingerprint(), 5000);
        QVERIFY2(trusted.has_value(), qPrintable(trusted ? QString() : trusted.error().toString()));
    }

    void probeShowsTheFingerprint()
    {
        SshEndpoint ep = known();
        ep.knownHostsFile = m_sshd.dir() + QStringLiteral("/kh-probe");
        auto hk = SshShell::probeHostKey(ep, 5000);
        QVERIFY2(hk.has_value(), qPrintable(hk ? QString() : hk.error().toString()));
        QCOMPARE(hk->fingerprint, m_sshd.hostKeyFingerprint());
        QVERIFY(hk->fingerprint.startsWith(QStringLiteral("SHA256:")));
        QCOMPARE(hk->type, QStringLiteral("ssh-ed25519"));
        QCOMPARE(hk->status, SshHostKey::Status::Unknown);
        auto known = SshShell::probeHostKey(this->known(), 5000);
        QVERIFY(known.has_value());
        QCOMPARE(known->status, SshHostKey::Status::Known);
        // trusting a fingerprint the host does not present adds nothing
        auto wrong = SshSession::trustHostKey(ep, QStringLiteral("SHA256:not-this-one"), 5000);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().text.contains(m_sshd.hostKeyFingerprint()), qPrintable(wrong.error().text));
        QVERIFY(!QFileInfo::exists(ep.knownHostsFile) || QFileInfo(ep.knownHostsFile).size() == 0);
    }

    void unknownHostRefusedThenAccepted()
    {
        SshEndpoint ep = known();
        ep.knownHostsFile = m_sshd.dir() + QStringLiteral("/kh-new/known_hosts"); // folder does not exist yet
        auto refused = SshShell::open(QStringLiteral("A"), ep, 5000);
        QVERIFY(!refused);
        qInfo("%s", qPrintable(refused.error().text));
        QVERIFY2(refused.error().text.contains(QStringLiteral("not a known host")),
            qPrintable(refused.error().text));
        QVERIFY2(
            refused.error().text.contains(m_sshd.hostKeyFingerprint()), qPrintable(refused.error().text));
        QVERIFY(!QFileInfo::exists(ep.knownHostsFile));

        ep.acceptNewHostKey = true;
        auto accepted = openOrFail(ep);
        QVERIFY(accepted);
        QFile kh(ep.knownHostsFile);
        QVERIFY(kh.open(QIODevice::ReadOnly));
        QVERIFY(kh.readAll().contains(QStringLiteral("[127.0.0.1]:%1 ").arg(m_sshd.port()).toUtf8()));
        // the user is told which key was added, in the form ssh-keygen -lf prints
        const QList<HostNotice> notices = accepted->takeNotices();
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().id, QStringLiteral("host-key-added"));
        QVERIFY2(
            notices.first().text.contains(m_sshd.hostKeyFingerprint()), qPrintable(notices.first().text));
        QVERIFY(accepted->takeNotices().isEmpty());

        ep.acceptNewHostKey = false; // now it is known
        auto again = openOrFail(ep);
        QVERIFY(again);
        QVERIFY(again->takeNotices().isEmpty());
    }

    void hashedKnownHostsEntry()
    {
        SshEndpoint ep = known();
        ep.knownHostsFile = m_sshd.dir() + QStringLiteral("/kh-hashed");
        QVERIFY(SshSession::trustHostKey(ep, m_sshd.hostKeyFingerprint(), 5000));
        bool ok = false;
        SshdFixture::runLocal(QStringLiteral("ssh-keygen"),
            { QStringLiteral("-H"), QStringLiteral("-f"), ep.knownHostsFile }, &ok);
        QVERIFY(ok);
        QFile kh(ep.knownHostsFile);
        QVERIFY(kh.open(QIODevice::ReadOnly));
        const QByteArray content = kh.readAll();
        QVERIFY2(content.startsWith("|1|") && !content.contains("127.0.0.1"), content.constData());
        QVERIFY(openOrFail(ep));
    }

    void keyAuth()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        QCOMPARE(remote(*shell, QStringLiteral("id -un")), m_sshd.user());
        QVERIFY(shell->describe().startsWith(QStringLiteral("ssh ")));
    }

    void encryptedKeyWithPassphraseFromEnvironment()
    {
        SshEndpoint ep = known();
        ep.keyFile = m_sshd.encryptedClientKey();
        ep.keyPassphraseEnv = QStringLiteral("RP_TEST_KEY_PASSPHRASE");
        qunsetenv("RP_TEST_KEY_PASSPHRASE");
        qunsetenv("SSH_AUTH_SOCK");
        auto without = SshShell::open(QStringLiteral("A"), ep, 5000);
        QVERIFY(!without);
        QVERIFY2(without.error().text.contains(ep.keyFile), qPrintable(without.error().text));
        QVERIFY2(without.error().text.contains(QStringLiteral("Tried:")), qPrintable(without.error().text));

        qputenv("RP_TEST_KEY_PASSPHRASE", SshdFixture::passphrase().toUtf8());
        auto shell = openOrFail(ep);
        qunsetenv("RP_TEST_KEY_PASSPHRASE");
        QVERIFY(shell);
        QCOMPARE(remote(*shell, QStringLiteral("id -un")), m_sshd.user());
    }

    void passwordAuth()
    {
        if (m_sshd.password().isEmpty())
            QSKIP("password auth needs a dedicated test user with a password, which only root can create");
        SshEndpoint ep = known();
        ep.keyFile = m_sshd.dir() + QStringLiteral("/no-such-key");
        ep.passwordEnv = QStringLiteral("RP_TEST_SSH_PW");
        qunsetenv("SSH_AUTH_SOCK");
        qputenv("RP_TEST_SSH_PW", "wrong password");
        auto refused = SshShell::open(QStringLiteral("A"), ep, 5000);
        QVERIFY(!refused);
        const QString text = refused.error().text;
        qInfo("%s", qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("The server offers: publickey, password")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("no-such-key (not found)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("password from RP_TEST_SSH_PW (refused)")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("wrong password")), qPrintable(text));

        qputenv("RP_TEST_SSH_PW", m_sshd.password().toUtf8());
        auto shell = openOrFail(ep);
        QVERIFY(shell);
        QCOMPARE(remote(*shell, QStringLiteral("id -un")), m_sshd.user());
        qunsetenv("RP_TEST_SSH_PW");
    }

    void noMethodLeft()
    {
        SshEndpoint ep = known();
        ep.keyFile = m_sshd.dir() + QStringLiteral("/no-such-key");
        ep.passwordEnv = QStringLiteral("RP_TEST_UNSET_PW");
        qunsetenv("RP_TEST_UNSET_PW");
        qunsetenv("SSH_AUTH_SOCK");
        auto r = SshShell::open(QStringLiteral("A"), ep, 5000);
        QVERIFY(!r);
        QVERIFY2(
            r.error().text.contains(QStringLiteral("ssh-agent (not running")), qPrintable(r.error().text));
        QVERIFY2(r.error().text.contains(QStringLiteral("RP_TEST_UNSET_PW is not set")),
            qPrintable(r.error().text));
    }

    void fileOperations()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        const QString dir = m_sshd.userDir() + QStringLiteral("/ops dir 'quoted'");
        QVERIFY(shell->run(QStringLiteral("mkdir -p %1").arg(Shell::quote(dir)), 5000));
        const QString file = dir + QStringLiteral("/50-replipair.cnf");
        QCOMPARE(shell->exists(file).value(), false);
        QVERIFY(shell->checkWritable(file));
        const QByteArray content = "[mysqld]\nserver-id = 1\n# ünïcode, 'quotes', $dollar `tick`\n";
        QVERIFY(shell->writeFileAtomic(file, content));
        QCOMPARE(shell->exists(file).value(), true);
        QCOMPARE(shell->readFile(file).value(), content);
        QCOMPARE(
            remote(*shell, QStringLiteral("stat -c %a %1").arg(Shell::quote(file))), QStringLiteral("644"));
        QVERIFY(shell->copyFile(file, file + QStringLiteral(".bak")));
        QVERIFY(shell->writeFileAtomic(dir + QStringLiteral("/other.txt"), "x"));
        QCOMPARE(shell->listDir(dir, QStringLiteral("*.cnf")).value(),
            QStringList { QStringLiteral("50-replipair.cnf") });
        QCOMPARE(shell->listDir(dir, QStringLiteral("*")).value(),
            (QStringList { QStringLiteral("50-replipair.cnf"), QStringLiteral("50-replipair.cnf.bak"),
                QStringLiteral("other.txt") }));
        QVERIFY(shell->removeFile(file));
        QCOMPARE(shell->exists(file).value(), false);
        QVERIFY(!shell->listDir(dir + QStringLiteral("/missing"), QStringLiteral("*.cnf")));
        auto missing = shell->readFile(dir + QStringLiteral("/missing.cnf"));
        QVERIFY(!missing);
        QVERIFY2(
            missing.error().text.contains(QStringLiteral("missing.cnf")), qPrintable(missing.error().text));

        QByteArray big(3 * 1024 * 1024, 'x');
        for (qsizetype i = 0; i < big.size(); i += 4096)
            big[i] = char('a' + (i / 4096) % 26);
        QVERIFY(shell->writeFileAtomic(dir + QStringLiteral("/big"), big));
        QCOMPARE(shell->readFile(dir + QStringLiteral("/big")).value(), big);
    }

    void copiesThenWritesInOneCall()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        const QString dir = m_sshd.userDir() + QStringLiteral("/batch 'dir'");
        const QString main = dir + QStringLiteral("/my.cnf");
        QVERIFY(shell->run(QStringLiteral("mkdir -p %1 && printf 'old\\n' > %2 && chmod 640 %2")
                               .arg(Shell::quote(dir), Shell::quote(main)),
            5000));
        // the contents follow each other on stdin: sizes must cut them exactly (no newline at the end,
        // an empty one, bytes that look like shell)
        const QByteArray first = "[mysqld]\nlog-bin = mysql-bin\n# 'q' $x `t` ü";
        const QByteArray empty;
        const QByteArray third = "[mysqld]\nserver-id = 2\n";
        int copied = -1, written = -1;
        QVERIFY(shell->copyThenWrite({ { main, main + QStringLiteral(".bak") } },
            { { main, first }, { dir + QStringLiteral("/empty.cnf"), empty },
                { dir + QStringLiteral("/90-replipair.cnf"), third } },
            copied, written));
        QCOMPARE(copied, 1);
        QCOMPARE(written, 3);
        QCOMPARE(shell->readFile(main + QStringLiteral(".bak")).value(), QByteArray("old\n"));
        QCOMPARE(shell->readFile(main).value(), first);
        QCOMPARE(shell->readFile(dir + QStringLiteral("/empty.cnf")).value(), empty);
        QCOMPARE(shell->readFile(dir + QStringLiteral("/90-replipair.cnf")).value(), third);
        QCOMPARE(
            remote(*shell, QStringLiteral("stat -c %a %1").arg(Shell::quote(main))), QStringLiteral("640"));
        // a write that cannot be made stops there, names its file and counts what was done
        const QString nowhere = dir + QStringLiteral("/missing/x.cnf");
        auto failed = shell->copyThenWrite({},
            { { main, third }, { nowhere, first }, { dir + QStringLiteral("/after.cnf"), third } }, copied,
            written);
        QVERIFY(!failed);
        QCOMPARE(copied, 0);
        QCOMPARE(written, 1);
        QVERIFY2(failed.error().text.contains(nowhere), qPrintable(failed.error().text));
        QCOMPARE(shell->exists(dir + QStringLiteral("/after.cnf")).value(), false);
        // a backup that cannot be made: nothing is written
        auto noCopy = shell->copyThenWrite(
            { { dir + QStringLiteral("/none.cnf"), dir + QStringLiteral("/none.bak") } }, { { main, first } },
            copied, written);
        QVERIFY(!noCopy);
        QCOMPARE(copied, 0);
        QCOMPARE(written, 0);
        QVERIFY2(noCopy.error().text.contains(QStringLiteral("none.cnf")), qPrintable(noCopy.error().text));
        QCOMPARE(shell->readFile(main).value(), third);
        QCOMPARE(shell->listDir(dir, QStringLiteral(".replipair-*")).value(), QStringList());
    }

    void writesThenRunsInOneCall()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        const QString dir = m_sshd.userDir() + QStringLiteral("/then");
        const QString file = dir + QStringLiteral("/my.cnf");
        QVERIFY(shell->run(
            QStringLiteral("mkdir -p %1 && printf old > %2").arg(Shell::quote(dir), Shell::quote(file)),
            5000));
        int copied = -1, written = -1;
        std::optional<Result<CommandResult>> ran;
        // the command runs once the file is written; its output (marks of its own in it count for nothing),
        // its stderr and its exit status are its own
        QVERIFY(shell->copyThenWriteThenRun({}, { { file, "new" } }, copied, written,
            QStringLiteral("cat %1; printf 'K\\nW\\nR\\n'; echo oops >&2; exit 3").arg(Shell::quote(file)),
            5000, ran));
        QCOMPARE(written, 1);
        QVERIFY(ran && *ran);
        QCOMPARE((*ran)->exitCode, 3);
        QCOMPARE((*ran)->out, QByteArray("newK\nW\nR\n"));
        QVERIFY((*ran)->err.contains("oops"));
        // a write refused (the file changed since it was read): nothing written, the command not run
        const QString marker = dir + QStringLiteral("/ran");
        auto refused
            = shell->copyThenWriteThenRun({}, { FileReplacement::ifUnchanged(file, "newer", true, "old") },
                copied, written, QStringLiteral(": > %1").arg(Shell::quote(marker)), 5000, ran);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, FileReplacement::ChangedSinceRead);
        QCOMPARE(written, 0);
        QVERIFY(!ran);
        QCOMPARE(shell->exists(marker).value(), false);
        QCOMPARE(shell->readFile(file).value(), QByteArray("new"));
    }

    void atomicWriteKeepsModeAndLeavesNoTemporaryFile()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        const QString dir = m_sshd.userDir() + QStringLiteral("/mode");
        const QString file = dir + QStringLiteral("/my.cnf");
        QVERIFY(shell->run(
            QStringLiteral("mkdir -p %1 && printf old > %2 && chmod 640 %2 && ln -sf my.cnf %1/link.cnf")
                .arg(Shell::quote(dir), Shell::quote(file)),
            5000));
        QVERIFY(shell->writeFileAtomic(file, "new\n"));
        QCOMPARE(
            remote(*shell, QStringLiteral("stat -c %a %1").arg(Shell::quote(file))), QStringLiteral("640"));
        QCOMPARE(shell->readFile(file).value(), QByteArray("new\n"));
        // through a symlink (Debian's /etc/mysql/my.cnf): the target is replaced, the link stays a link
        QVERIFY(shell->writeFileAtomic(dir + QStringLiteral("/link.cnf"), "via link\n"));
        QCOMPARE(shell->readFile(file).value(), QByteArray("via link\n"));
        QCOMPARE(remote(*shell, QStringLiteral("stat -c %F %1/link.cnf").arg(Shell::quote(dir))),
            QStringLiteral("symbolic link"));
        QCOMPARE(shell->listDir(dir, QStringLiteral(".replipair-*")).value(), QStringList());
    }

    void checkWritableRefusesAndChangesNothing()
    {
        // a file the login user cannot write: as root the login user is an unprivileged test user and
        // the file belongs to root; otherwise the file and its folder are read-only
        const QString dir = m_sshd.dir() + QStringLiteral("/readonly");
        const QString file = dir + QStringLiteral("/my.cnf");
        QVERIFY(QDir().mkpath(dir));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[mysqld]\n");
        f.close();
        if (::geteuid() != 0) {
            QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
            QFile::setPermissions(dir,
                QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                    | QFile::ExeOther);
        }
        const QDateTime before = QFileInfo(file).lastModified();
        auto shell = openOrFail(known());
        QVERIFY(shell);
        auto r = shell->checkWritable(file);
        QVERIFY(!r);
        qInfo("%s", qPrintable(r.error().text));
        QVERIFY2(r.error().text.contains(file), qPrintable(r.error().text));
        QVERIFY2(r.error().text.contains(m_sshd.user()), qPrintable(r.error().text));
        auto fresh = shell->checkWritable(dir + QStringLiteral("/new.cnf"));
        QVERIFY(!fresh);
        QVERIFY2(fresh.error().text.contains(QStringLiteral("new.cnf")), qPrintable(fresh.error().text));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("my.cnf") });
        QCOMPARE(QFileInfo(file).lastModified(), before);
        // several paths in one call: a writable one passes, the first that is not is named
        const QString mine = m_sshd.userDir() + QStringLiteral("/mine.cnf");
        QVERIFY(shell->checkWritable(QStringList { mine }));
        auto both = shell->checkWritable(QStringList { mine, dir + QStringLiteral("/new.cnf"), file });
        QVERIFY(!both);
        QVERIFY2(both.error().text.contains(QStringLiteral("new.cnf")), qPrintable(both.error().text));
        QVERIFY2(both.error().text.contains(QStringLiteral("not writable")), qPrintable(both.error().text));
        auto write = shell->writeFileAtomic(file, "changed\n");
        QVERIFY(!write);
        QVERIFY2(write.error().text.contains(file), qPrintable(write.error().text));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("my.cnf") });
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void runReportsExitCodeAndStreams()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        auto r = shell->run(QStringLiteral("echo out; echo err >&2; exit 3"), 5000);
        QVERIFY(r);
        QCOMPARE(r->exitCode, 3);
        QCOMPARE(r->out, QByteArray("out\n"));
        QCOMPARE(r->err, QByteArray("err\n"));
    }

    void streamRelaysEveryByteInOrder_data()
    {
        QTest::addColumn<bool>("localSource");
        QTest::addColumn<bool>("localTarget");
        QTest::newRow("ssh to ssh") << false << false;
        QTest::newRow("local to ssh") << true << false;
        QTest::newRow("ssh to local") << false << true;
    }

    void streamRelaysEveryByteInOrder()
    {
        // what the physical copy does with a backup: one host's stdout into another's stdin, through memory
        QFETCH(bool, localSource);
        QFETCH(bool, localTarget);
        const auto [file, sha] = randomFile(48);
        QVERIFY(!file.isEmpty());
        auto a = openOrFail(known()), b = openOrFail(known());
        QVERIFY(a && b);
        LocalShell local(QStringLiteral("A"));
        HostShell& from = localSource ? static_cast<HostShell&>(local) : *a;
        HostShell& to = localTarget ? static_cast<HostShell&>(local) : *b;
        BlockPipe pipe(2 * 1024 * 1024); // smaller than the data: the source waits on the receiver
        const auto [sent, received]
            = relay(from, QStringLiteral("cat %1; echo done >&2").arg(Shell::quote(file)), to,
                QStringLiteral("sha256sum; echo received >&2"), pipe);
        QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().toString()));
        QVERIFY2(received, qPrintable(received ? QString() : received.error().toString()));
        QCOMPARE(sent->exitCode, 0);
        QCOMPARE(sent->err, QByteArray("done\n"));
        QVERIFY(sent->out.isEmpty()); // handed over, not kept
        QCOMPARE(received->exitCode, 0);
        QCOMPARE(pipe.bytesIn(), qint64(48) * 1024 * 1024); // every byte, then in order
        QCOMPARE(pipe.bytesOut(), pipe.bytesIn());
        QCOMPARE(received->out.left(64), sha);
        QCOMPARE(received->err, QByteArray("received\n"));
        QFile::remove(file);
    }

    void streamStoppedHalfWayEndsBothCommands()
    {
        const QString file = randomFile(8).first;
        QVERIFY(!file.isEmpty());
        auto a = openOrFail(known()), b = openOrFail(known());
        QVERIFY(a && b);
        const QString marker = QStringLiteral("rpstream%1").arg(QCoreApplication::applicationPid());
        BlockPipe pipe(1024 * 1024);
        QElapsedTimer t;
        t.start();
        const auto [sent, received]
            = relay(*a, QStringLiteral(": %1; while cat %2; do :; done").arg(marker, Shell::quote(file)), *b,
                QStringLiteral(": %1; cat > /dev/null").arg(marker), pipe, [&] {
                    const bool flowing
                        = QTest::qWaitFor([&] { return pipe.bytesOut() > 20 * 1024 * 1024; }, 30000);
                    Q_UNUSED(flowing); // checked below, once both commands are stopped
                    pipe.breakOff();
                });
        QVERIFY(pipe.bytesOut() > 20 * 1024 * 1024);
        QVERIFY(!sent);
        QVERIFY(!received);
        QVERIFY2(t.elapsed() < 30000, qPrintable(QString::number(t.elapsed())));
        // neither command is left on the host, and both sessions still work
        QTRY_COMPARE_WITH_TIMEOUT(
            SshdFixture::runLocal(QStringLiteral("pgrep"), { QStringLiteral("-f"), marker }).trimmed(),
            QString(), 10000);
        QCOMPARE(remote(*a, QStringLiteral("echo still here")), QStringLiteral("still here"));
        QCOMPARE(remote(*b, QStringLiteral("echo still here")), QStringLiteral("still here"));
        QFile::remove(file);
    }

    void prefetchRunsTheCommandsInOneCallAndHandsEachOverOnce()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile::setPermissions(dir.path(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::WriteOther
                | QFile::ExeOther);
        const QString runs = dir.path() + QStringLiteral("/runs");
        const QString counted = QStringLiteral("echo x >> %1; echo out; echo err >&2; exit 3").arg(runs);
        const QString binary = QStringLiteral("printf 'a\\000b\\n'");
        const QString silent = QStringLiteral("true");
        shell->prefetch({ counted, binary, silent }, 10000);
        QCOMPARE(remote(*shell, QStringLiteral("wc -l < %1").arg(runs)), QStringLiteral("1"));
        auto first = shell->run(counted, 5000); // handed over: not run again
        QVERIFY(first);
        QCOMPARE(first->exitCode, 3);
        QCOMPARE(first->out, QByteArray("out\n"));
        QCOMPARE(first->err, QByteArray("err\n"));
        QCOMPARE(remote(*shell, QStringLiteral("wc -l < %1").arg(runs)), QStringLiteral("1"));
        auto bytes = shell->run(binary, 5000);
        QVERIFY(bytes);
        QCOMPARE(bytes->out, QByteArray("a\0b\n", 4));
        auto empty = shell->run(silent, 5000);
        QVERIFY(empty);
        QCOMPARE(empty->exitCode, 0);
        QVERIFY(empty->out.isEmpty());
        auto again = shell->run(counted, 5000); // once only: now it runs
        QVERIFY(again);
        QCOMPARE(again->exitCode, 3);
        QCOMPARE(remote(*shell, QStringLiteral("wc -l < %1").arg(runs)), QStringLiteral("2"));
    }

    void runTimesOutAndTheSessionSurvives()
    {
        auto shell = openOrFail(known());
        QVERIFY(shell);
        QElapsedTimer t;
        t.start();
        auto r = shell->run(QStringLiteral("sleep 30"), 1000);
        QVERIFY(!r);
        QVERIFY2(r.error().text.contains(QStringLiteral("did not finish within 1.0 s")),
            qPrintable(r.error().text));
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(remote(*shell, QStringLiteral("echo still here")), QStringLiteral("still here"));
    }

    void backgroundChildKeepingOutputOpenDoesNotBlock()
    {
        // a restart script that leaves a daemon holding its stdout must not hang the step
        auto shell = openOrFail(known());
        QVERIFY(shell);
        QElapsedTimer t;
        t.start();
        auto r = shell->run(QStringLiteral("sleep 4 & echo started"), 20000);
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->exitCode, 0);
        QCOMPARE(r->out, QByteArray("started\n"));
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
    }

    void deadHostFailsFast()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        SshEndpoint ep = known();
        ep.port = probe.serverPort();
        probe.close(); // nothing listens there now
        QElapsedTimer t;
        t.start();
        auto r = SshShell::open(QStringLiteral("A"), ep, 5000);
        QVERIFY(!r);
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(r.error().text.contains(
                     QStringLiteral("cannot connect to %1@127.0.0.1:%2").arg(ep.user).arg(ep.port)),
            qPrintable(r.error().text));
    }

    void silentHostTimesOut()
    {
        QTcpServer silent; // accepts TCP (the kernel does) but never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SshEndpoint ep = known();
        ep.port = silent.serverPort();
        QElapsedTimer t;
        t.start();
        auto r = SshShell::open(QStringLiteral("A"), ep, 1500);
        QVERIFY(!r);
        qInfo("%s", qPrintable(r.error().text));
        QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(r.error().text.contains(QStringLiteral("no SSH answer")), qPrintable(r.error().text));
        QVERIFY2(r.error().text.contains(QStringLiteral("1.5 s")), qPrintable(r.error().text));
    }

    void sudoThatWantsAPasswordIsRefusedClearly()
    {
        bool ok = false;
        SshdFixture::runLocal(QStringLiteral("sudo"), { QStringLiteral("-n"), QStringLiteral("true") }, &ok);
        if (::geteuid() != 0 && ok)
            QSKIP("this user may run sudo without a password, so there is no refusal to see");
        SshEndpoint ep = known();
        ep.sudo = true;
        // asked when the shell opens (in the background during setup), not at the first command
        auto shell = SshShell::open(QStringLiteral("A"), ep);
        QVERIFY(!shell);
        const QString text = shell.error().text;
        qInfo("%s", qPrintable(text));
        if (text.contains(QStringLiteral("not installed")))
            QSKIP("sudo is not installed here (scripts/install-deps.sh installs it)");
        QVERIFY2(text.contains(QStringLiteral("sudo")) && text.contains(QStringLiteral("password")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("NOPASSWD")), qPrintable(text));
    }

    void sudoAskedByTheFirstCallIsRefusedClearlyToo()
    {
        // a shell opened in the background asks sudo -n on its first call: a prefetch that sudo refuses
        // keeps nothing, and the next command says why
        bool ok = false;
        SshdFixture::runLocal(QStringLiteral("sudo"), { QStringLiteral("-n"), QStringLiteral("true") }, &ok);
        if (::geteuid() != 0 && ok)
            QSKIP("this user may run sudo without a password, so there is no refusal to see");
        SshEndpoint ep = known();
        ep.sudo = true;
        auto shell = SshShell::open(QStringLiteral("A"), ep, 15000, false);
        QVERIFY2(shell, qPrintable(shell ? QString() : shell.error().text));
        (*shell)->prefetch({ QStringLiteral("echo batched") }, 10000);
        auto r = (*shell)->run(QStringLiteral("echo batched"), 5000);
        QVERIFY(!r);
        const QString text = r.error().text;
        qInfo("%s", qPrintable(text));
        if (text.contains(QStringLiteral("not installed")))
            QSKIP("sudo is not installed here (scripts/install-deps.sh installs it)");
        QVERIFY2(text.contains(QStringLiteral("password")) && text.contains(QStringLiteral("NOPASSWD")),
            qPrintable(text));
    }

    void prefetchThroughSudoCountsAsTheSudoCheck()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to give the fixture's user a sudo rule");
        QVERIFY(m_sshd.allowSudo());
        const auto noRuleAfterwards = qScopeGuard([this] { QFile::remove(m_sshd.sudoersRule()); });
        SshEndpoint ep = known();
        ep.sudo = true;
        auto shell = SshShell::open(QStringLiteral("A"), ep, 15000, false);
        QVERIFY2(shell, qPrintable(shell ? QString() : shell.error().text));
        (*shell)->prefetch({ QStringLiteral("id -u"), QStringLiteral("printf 'x\\000y'; exit 4") }, 10000);
        auto id = (*shell)->run(QStringLiteral("id -u"), 5000);
        QVERIFY(id);
        QCOMPARE(id->out, QByteArray("0\n")); // through sudo
        auto bytes = (*shell)->run(QStringLiteral("printf 'x\\000y'; exit 4"), 5000);
        QVERIFY(bytes);
        QCOMPARE(bytes->exitCode, 4);
        QCOMPARE(bytes->out, QByteArray("x\0y", 3));
    }

    void workerMakesAnSshShell()
    {
        ServerProfile p;
        p.name = QStringLiteral("A");
        p.hasSsh = true;
        p.ssh = known();
        auto made = makeHostShell(p);
        QVERIFY2(made.has_value(), qPrintable(made ? QString() : made.error().toString()));
        QVERIFY((*made)->describe().contains(QStringLiteral("127.0.0.1:%1").arg(m_sshd.port())));
        auto r = (*made)->run(QStringLiteral("echo $((6*7))"), 5000);
        QVERIFY(r);
        QCOMPARE(r->out, QByteArray("42\n"));
    }

    void configLocatorFindsEachSandboxsOwnFileOverSsh()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld installed (scripts/install-deps.sh installs MariaDB)");
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        // the SSH login user is unprivileged: let it read the sandbox's option files
        for (QString d = pair.sandbox().servers().at(0).dir; d.size() > 1; d = QFileInfo(d).path())
            QFile::setPermissions(d, QFileInfo(d).permissions() | QFile::ReadOther | QFile::ExeOther);
        auto shell = openOrFail(known());
        QVERIFY(shell);
        ConfigLocator locator(*shell, QStringLiteral("A"));
        for (const SandboxServer& s : pair.sandbox().servers()) {
            ServerProcess::Hint hint; // what the SQL side knows: @@pid_file, @@port
            hint.pidFile = s.pidFile;
            hint.port = s.port;
            auto loc = locator.locate(hint, Flavor::MariaDB);
            QVERIFY2(loc.has_value(), qPrintable(loc ? QString() : loc.error().toString()));
            QCOMPARE(loc->mainFile, s.configFile);
            // the process and its option files in the one call setup's inspection has run beforehand
            // (the unprivileged login user may read the pid file: setup's sudo reads it as root)
            QFile::setPermissions(s.pidFile, QFileInfo(s.pidFile).permissions() | QFile::ReadOther);
            auto printed = shell->run(ConfigLocator::lookupCommand(hint), 10000);
            QVERIFY2(printed, qPrintable(printed ? QString() : printed.error().toString()));
            OptionFileTree tree;
            const auto process = ConfigLocator::parseLookup(printed->out, &tree);
            QVERIFY2(process, printed->out.constData());
            QCOMPARE(process->option(QStringLiteral("defaults-file")), s.configFile);
            QVERIFY2(tree.file(s.configFile), printed->out.constData());
            QVERIFY(loc->readOrder.contains(s.configFile));
            // and by port alone, as when the pid file is unknown
            ServerProcess::Hint byPort;
            byPort.port = s.port;
            auto again = locator.locate(byPort, Flavor::MariaDB);
            QVERIFY2(again.has_value(), qPrintable(again ? QString() : again.error().toString()));
            QCOMPARE(again->mainFile, s.configFile);
        }
        // a sandbox server has an option file of its own: no host service may be guessed for it
        RestartDetector detector(*shell, QStringLiteral("A"));
        ServerProcess::Hint hint;
        hint.pidFile = pair.sandbox().servers().at(0).pidFile;
        hint.port = pair.sandbox().servers().at(0).port;
        auto restart = detector.detect(hint);
        QVERIFY(!restart);
        qInfo("%s", qPrintable(restart.error().text));
        QVERIFY2(restart.error().text.contains(QStringLiteral("restartCommand")),
            qPrintable(restart.error().text));
    }

    // last: it replaces the host key
    void changedHostKeyRefusedWithBothFingerprints()
    {
        const QString oldFingerprint = m_sshd.hostKeyFingerprint();
        QVERIFY(m_sshd.replaceHostKey());
        const QString newFingerprint = m_sshd.hostKeyFingerprint();
        QVERIFY(oldFingerprint != newFingerprint);
        for (bool accept : { false, true }) {
            SshEndpoint ep = known();
            ep.acceptNewHostKey = accept; // never overrides a changed key
            auto r = SshShell::open(QStringLiteral("A"), ep, 5000);
            QVERIFY(!r);
            qInfo("%s", qPrintable(r.error().text));
            QVERIFY2(r.error().text.contains(QStringLiteral("CHANGED")), qPrintable(r.error().text));
            QVERIFY2(r.error().text.contains(oldFingerprint), qPrintable(r.error().text));
            QVERIFY2(r.error().text.contains(newFingerprint), qPrintable(r.error().text));
        }
        auto probe = SshShell::probeHostKey(known(), 5000);
        QVERIFY(probe);
        QCOMPARE(probe->status, SshHostKey::Status::Changed);
        QVERIFY(!SshSession::trustHostKey(known(), newFingerprint, 5000));
    }
};

QTEST_GUILESS_MAIN(TestSshShell)
#include "tst_sshshell.moc"
