#include "cli.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("replipair-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    // messages follow the system locale (LANG=zh_CN.UTF-8 gives Simplified Chinese)
    QTranslator translator;
    if (translator.load(
            QLocale::system(), QStringLiteral("replipair"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    return Cli::run(QCoreApplication::arguments());
}
