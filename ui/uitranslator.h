#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

/** Loads RepliPair's translation (and Qt's own where installed) for a chosen language or the system locale.
 */
class UiTranslator : public QObject
{
    Q_OBJECT
public:
    explicit UiTranslator(QObject* parent = nullptr);
    ~UiTranslator() override;

    /** Installs the translators for @p language ("" follows the system locale); returns the locale used. */
    QLocale install(const QString& language);

    /** Language codes offered in the preferences ("" = system), with their names in their own language. */
    static QList<std::pair<QString, QString>> languages();

private:
    void removeInstalled();

    QTranslator m_app;
    QTranslator m_qt;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
};
