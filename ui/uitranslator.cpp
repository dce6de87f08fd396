#include "uitranslator.h"

#include <QCoreApplication>
#include <QLibraryInfo>

UiTranslator::UiTranslator(QObject* parent)
    : QObject(parent)
{ }

UiTranslator::~UiTranslator()
{
    removeInstalled();
}

void UiTranslator::removeInstalled()
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_app);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    m_appInstalled = m_qtInstalled = false;
}

QLocale UiTranslator::install(const QString& language)
{
    removeInstalled();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    // the .qm files are compiled into the executable by qt_add_translations (prefix /i18n)
    if (m_app.load(locale, QStringLiteral("replipair"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        m_appInstalled = QCoreApplication::installTranslator(&m_app);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    return locale;
}

QList<std::pair<QString, QString>> UiTranslator::languages()
{
    return { { QString(), tr("System default") }, { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("zh_CN"), QStringLiteral("简体中文") } };
}
