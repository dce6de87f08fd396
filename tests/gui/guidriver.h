// What a user does with the mouse and keyboard, for the GUI tests: right-click a server on the canvas and
// click an item of the menu shown, open a menu of the menu bar and click an item, answer a file dialog by
// typing a path. Nothing here calls a slot or emits a widget's signal.
#pragma once

#include "topology/servernode.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <memory>

namespace GuiDriver {

/** The popup menu shown now (after a right-click or a click on the menu bar), waiting up to @p timeoutMs
 *  for it; nullptr when none (or another than @p objectName, when given) is shown. */
inline QMenu* shownMenu(const char* objectName = nullptr, int timeoutMs = 2000)
{
    QMenu* menu = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            return menu != nullptr;
        },
        timeoutMs);
    if (menu && objectName && menu->objectName() != QLatin1String(objectName))
        return nullptr;
    return menu;
}

/** The child of @p parent of type T called @p objectName once it is shown, waiting up to @p timeoutMs for
 *  it (a dialog an action opens); nullptr when none is shown by then. */
template<typename T> T* shownChild(QObject& parent, const char* objectName, int timeoutMs = 5000)
{
    T* child = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            child = parent.findChild<T*>(QLatin1String(objectName));
            return child && child->isVisible();
        },
        timeoutMs);
    return shown ? child : nullptr;
}

/** Clicks @p actionName in @p menu (shown) as a user does; false (and the menu closed) when the menu has no
 *  such item or it is hidden or disabled. */
inline bool clickMenuItem(QMenu* menu, const char* actionName)
{
    if (!menu || !menu->isVisible())
        return false;
    QAction* action = nullptr;
    for (QAction* a : menu->actions())
        if (a->objectName() == QLatin1String(actionName))
            action = a;
    if (!action || !action->isVisible() || !action->isEnabled()) {
        menu->close();
        return false;
    }
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
    return true;
}

/** Right-clicks server @p index's node on the canvas (through its window, so that Qt makes the context
 *  menu event as for a real mouse) and returns the menu shown. */
inline QMenu* rightClickServer(TopologyView* view, int index)
{
    QWidget* top = view->window();
    const QPoint inView = view->mapFromScene(view->topologyScene()->node(index)->scenePos());
    QTest::mouseClick(top->windowHandle(), Qt::RightButton, {}, view->viewport()->mapTo(top, inView));
    return shownMenu("topologyMenu");
}

/** Right-clicks server @p index on the canvas and clicks @p actionName in the menu shown. */
inline bool chooseFromServerMenu(TopologyView* view, int index, const char* actionName)
{
    return clickMenuItem(rightClickServer(view, index), actionName);
}

/** Opens the menu of @p window's menu bar that holds @p actionName by clicking its title, then clicks the
 *  item; false when no menu of the bar holds it, or the item is hidden or disabled. */
inline bool chooseFromMenuBar(QMainWindow* window, const char* actionName)
{
    QMenuBar* bar = window->menuBar();
    for (QAction* title : bar->actions()) {
        QMenu* menu = title->menu();
        if (!menu)
            continue;
        bool holds = false;
        for (QAction* a : menu->actions())
            holds = holds || a->objectName() == QLatin1String(actionName);
        if (!holds)
            continue;
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(title).center());
        if (shownMenu() != menu)
            return false;
        return clickMenuItem(menu, actionName);
    }
    return false;
}

/** Answers the next file dialog (open or save) by typing @p path into its file name field and clicking its
 *  Open/Save button, as soon as it is shown; seen() says whether it was. Arm it before the click that opens
 *  the dialog (QFileDialog's static functions do not return until it closes). The test sets
 *  Qt::AA_DontUseNativeDialogs so that the dialog is Qt's own. */
class FileDialogAnswer
{
public:
    explicit FileDialogAnswer(const QString& path, int timeoutMs = 10000)
        : m_state(std::make_shared<State>())
    {
        auto state = m_state;
        auto* timer = new QTimer(qApp);
        timer->setInterval(20);
        QObject::connect(timer, &QTimer::timeout, timer, [timer, state, path, timeoutMs] {
            state->waitedMs += timer->interval();
            QPointer<QFileDialog> dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible()) {
                if (state->waitedMs > timeoutMs)
                    timer->deleteLater();
                return;
            }
            timer->stop();
            timer->deleteLater();
            state->seen = true;
            if (!QTest::qWaitForWindowExposed(dialog) || !dialog) // laid out: its buttons take clicks
                return;
            state->title = dialog->windowTitle();
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
            if (!name || !buttons) {
                QTest::keyClick(dialog, Qt::Key_Escape);
                return;
            }
            name->setFocus();
            QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(name, path);
            QAbstractButton* accept = buttons->button(QDialogButtonBox::Save);
            if (!accept)
                accept = buttons->button(QDialogButtonBox::Open);
            if (auto* popup = QApplication::activePopupWidget()) // the file name completer's list
                popup->close();
            if (accept && accept->isEnabled())
                QTest::mouseClick(accept, Qt::LeftButton);
            if (dialog && dialog->isVisible())
                QTest::keyClick(dialog, Qt::Key_Escape); // not accepted: nothing written or opened
        });
        timer->start();
    }
    bool seen() const { return m_state->seen; }
    QString title() const { return m_state->title; }

private:
    struct State
    {
        bool seen = false;
        int waitedMs = 0;
        QString title;
    };
    std::shared_ptr<State> m_state;
};

} // namespace GuiDriver
