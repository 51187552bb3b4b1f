// The app in another language: switched to German and to the pseudo-locale (every translated
// string accented and a third longer, tools/pseudolocalize.cpp), the main screens show no
// untranslated text and no clipped text: no English source string where German has its own
// words, no plain ASCII word in the pseudo-locale that is not the workspace's own data, no menu
// or tool bar that overflows, no label or button narrower than its text. The catalogue is
// complete and up to date with the code. In a dark palette the colours come from the palette.
// With DELTABOARD_SCREENSHOTS=DIR it renders the German, dark and keyboard-focus screenshots.

#include "testdatabase.h"
#include "testmain.h"

#include "app/gui/desktop.h"
#include "app/gui/mainwindow.h"
#include "app/gui/shortcutsdialog.h"
#include "app/gui/workspacesettings.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "crashparser.h"
#include "demogenerator.h"
#include "views/boardview.h"
#include "views/deltalistview.h"
#include "views/deltatabledelegate.h"
#include "views/palette.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSqlQuery>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

struct Catalogue
{
    // English source → its German translation (singular forms only).
    QHash<QString, QString> german;
    int messages = 0;
    int unfinished = 0;
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return catalogue;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source"_s) {
            source = xml.readElementText();
            ++catalogue.messages;
        } else if (xml.name() == u"translation"_s) {
            const QString type = xml.attributes().value(u"type"_s).toString();
            if (type == u"unfinished"_s)
                ++catalogue.unfinished;
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (text.trimmed().isEmpty() && type != u"vanished"_s)
                ++catalogue.unfinished;
            catalogue.german.insert(source, text);
        }
    }
    return catalogue;
}

QString plainText(const QString &text)
{
    QString plain
        = Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    return plain.remove(u'&');
}

// A text a widget shows, and where.
struct Shown
{
    QString text;
    QString where;
};

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QObject *o = widget; o; o = o->parent()) {
        path.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                               : o->objectName());
    }
    return path.join(u'/');
}

void collectMenu(const QMenu *menu, const QString &where, QList<Shown> &shown)
{
    shown.append({menu->title(), where});
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu())
            collectMenu(action->menu(), where + u" › "_s + menu->title(), shown);
        else
            shown.append({action->text(), where + u" › "_s + menu->title()});
    }
}

// Every text the visible widgets under 'top' show: labels, buttons, titles, placeholders, tabs,
// combo items, headers and the first rows of item views, menus and tool bars.
QList<Shown> collectTexts(QWidget *top)
{
    QList<Shown> shown;
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    widgets.prepend(top);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(top) && widget != top)
            continue;
        const QString where = describe(widget);
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            shown.append({label->text(), where});
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            // A dialog's standard buttons (Close, Cancel) say Qt's own words, translated by Qt's
            // catalogue (qtbase_LANG.qm), which the pseudo-locale has none of.
            auto *box = qobject_cast<QDialogButtonBox *>(button->parentWidget());
            if (box && box->standardButton(button) != QDialogButtonBox::NoButton)
                continue;
            shown.append({button->text(), where});
        } else if (auto *box = qobject_cast<QGroupBox *>(widget)) {
            shown.append({box->title(), where});
        } else if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
            if (edit->text().isEmpty())
                shown.append({edit->placeholderText(), where});
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                shown.append({combo->itemText(i), where});
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                shown.append({tabs->tabText(i), where});
        } else if (auto *menuBar = qobject_cast<QMenuBar *>(widget)) {
            for (const QAction *action : menuBar->actions()) {
                if (action->menu())
                    collectMenu(action->menu(), where, shown);
            }
        } else if (auto *bar = qobject_cast<QToolBar *>(widget)) {
            for (const QAction *action : bar->actions())
                shown.append({action->text(), where});
        } else if (qobject_cast<QHeaderView *>(widget)) {
            continue; // its view gives its labels
        } else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
            QAbstractItemModel *model = view->model();
            if (!model)
                continue;
            for (int column = 0; column < model->columnCount(); ++column)
                shown.append({model->headerData(column, Qt::Horizontal).toString(), where});
            // A crash's stack frames and its reports' texts are the crash's own words.
            if (view->objectName() == u"crashFrames"_s)
                continue;
            for (int row = 0; row < std::min(model->rowCount(), 15); ++row) {
                for (int column = 0; column < model->columnCount(); ++column)
                    shown.append({model->index(row, column).data().toString(), where});
            }
        }
    }
    return shown;
}

// Widgets whose text does not fit: a label or button narrower than its text needs, a tab whose
// title is elided, a menu or tool bar that overflows into its extension button.
QStringList clipped(QWidget *top)
{
    QStringList found;
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(top))
            continue;
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (!label->wordWrap() && !label->text().isEmpty() && label->pixmap().isNull()
                && label->width() + 1 < label->minimumSizeHint().width()) {
                found.append(
                    u"%1 '%2': %3 px for %4"_s.arg(describe(label), plainText(label->text()))
                        .arg(label->width())
                        .arg(label->minimumSizeHint().width()));
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (!button->text().isEmpty() && button->width() + 1 < button->minimumSizeHint().width()
                && widget->objectName() != u"qt_toolbar_ext_button"_s) {
                found.append(u"%1 '%2': %3 px for %4"_s.arg(describe(button), button->text())
                                 .arg(button->width())
                                 .arg(button->minimumSizeHint().width()));
            }
            if ((widget->objectName() == u"qt_toolbar_ext_button"_s
                 || widget->objectName() == u"qt_menubar_ext_button"_s)
                && button->isVisible()) {
                found.append(describe(widget) + u": the bar overflows"_s);
            }
        } else if (auto *header = qobject_cast<QHeaderView *>(widget)) {
            // A column's title fits its column (the sort arrow may take the margin).
            if (header->orientation() != Qt::Horizontal || !header->model())
                continue;
            const int margin
                = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section))
                    continue;
                const QString title
                    = header->model()->headerData(section, Qt::Horizontal).toString();
                const int needed = header->fontMetrics().horizontalAdvance(title) + 2 * margin;
                if (header->sectionSize(section) < needed) {
                    found.append(u"%1 column '%2': %3 px for %4"_s.arg(describe(header), title)
                                     .arg(header->sectionSize(section))
                                     .arg(needed));
                }
            }
        } else if (auto *table = qobject_cast<QTableView *>(widget)) {
            // A level or kind painted as a chip fits its column.
            auto *delegate = qobject_cast<DeltaTableDelegate *>(table->itemDelegate());
            if (!delegate || !table->model())
                continue;
            QStyleOptionViewItem option;
            option.font = table->font();
            for (int column = 0; column < table->model()->columnCount(); ++column) {
                if (!delegate->isChipColumn(column))
                    continue;
                for (int row = 0; row < std::min(table->model()->rowCount(), 30); ++row) {
                    const QModelIndex index = table->model()->index(row, column);
                    option.rect = table->visualRect(index);
                    const int needed = delegate->sizeHint(option, index).width();
                    if (table->columnWidth(column) < needed) {
                        found.append(u"%1 chip (column %5) '%2': %3 px for %4"_s
                                         .arg(describe(table), index.data().toString())
                                         .arg(table->columnWidth(column))
                                         .arg(needed)
                                         .arg(column));
                    }
                }
            }
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const int needed
                    = tabs->fontMetrics().horizontalAdvance(plainText(tabs->tabText(i)));
                if (tabs->tabRect(i).width() < needed) {
                    found.append(
                        u"%1 tab '%2': %3 px for %4"_s.arg(describe(tabs), tabs->tabText(i))
                            .arg(tabs->tabRect(i).width())
                            .arg(needed));
                }
            }
        }
    }
    return found;
}

} // namespace

class LanguageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TempDatabase> m_temp;
    QString m_path;
    Catalogue m_catalogue;
    QSet<QString> m_data; // the workspace's own words: names, titles

    // Shows the window on the demo workspace in the current language, on each main view in
    // turn, and hands each to 'check'.
    void walk(const std::function<void(QWidget *, const QString &)> &check)
    {
        auto db = Database::open(m_path);
        QVERIFY2(db, qPrintable(db.error()));
        MainWindow window(std::move(db).value());
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const MainWindow::View view :
             {MainWindow::View::Board, MainWindow::View::Deltas, MainWindow::View::Priorities,
              MainWindow::View::Impact, MainWindow::View::Gap, MainWindow::View::Flow,
              MainWindow::View::Crashes}) {
            window.showView(view);
            if (view == MainWindow::View::Deltas)
                window.deltaList()->selectDelta(1);
            settle(window);
            check(&window, u"view %1"_s.arg(int(view)));
        }
        WorkspaceSettingsDialog *settings = window.openWorkspaceSettings();
        QApplication::processEvents();
        for (const auto tab :
             {WorkspaceSettingsDialog::Tab::Board, WorkspaceSettingsDialog::Tab::Groups}) {
            settings->showTab(tab);
            QApplication::processEvents();
            check(settings, u"Workspace Settings"_s);
        }
        settings->close();
        ShortcutsDialog *keys = window.openShortcuts();
        QApplication::processEvents();
        check(keys, u"Keyboard Shortcuts"_s);
        keys->close();
    }

    static void settle(MainWindow &window)
    {
        QApplication::processEvents();
        QDeadlineTimer deadline(30000);
        while (window.isReading() && !deadline.hasExpired())
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        QApplication::processEvents();
    }

    // What is left of a text once the workspace's data, numbers and key names are taken out.
    QString withoutData(QString text) const
    {
        text = plainText(text);
        // Longest first, so a title is taken whole before a name inside it.
        for (const QString &word : m_sortedData) {
            if (text.contains(word))
                text.remove(word);
        }
        static const QRegularExpression keys(
            u"\\b(Ctrl|Shift|Alt|Meta|Strg|Umschalt)\\+\\S+|\\bF[0-9]+\\b|\\bDel\\b|\\bEsc\\b"_s);
        text.remove(keys);
        return text;
    }
    QStringList m_sortedData;

    // Every finding on its own line, then the verdict.
    static void report(QStringList untranslated, QStringList cut)
    {
        untranslated.removeDuplicates();
        cut.removeDuplicates();
        for (const QString &line : std::as_const(untranslated))
            qWarning("untranslated: %s", qPrintable(line));
        for (const QString &line : std::as_const(cut))
            qWarning("clipped: %s", qPrintable(line));
        QVERIFY2(untranslated.isEmpty() && cut.isEmpty(),
                 qPrintable(u"%1 untranslated and %2 clipped texts (listed above)"_s
                                .arg(untranslated.size())
                                .arg(cut.size())));
    }

    void switchTo(const QString &language, const QLocale &locale)
    {
        QLocale::setDefault(locale);
        QVERIFY2(Desktop::useLanguage(*qApp, language), qPrintable(language));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setDefaultFormat(QSettings::NativeFormat);
        m_catalogue = readCatalogue(QStringLiteral(DELTABOARD_SOURCE_DIR)
                                    + u"/translations/deltaboard_de.ts"_s);
        m_temp = std::make_unique<TempDatabase>();
        m_path = m_temp->path();
        auto db = Database::open(m_path);
        QVERIFY2(db, qPrintable(db.error()));
        DemoGenerator::Parameters parameters;
        parameters.deltas = 300;
        parameters.tasks = 80;
        parameters.organisations = 3;
        QVERIFY(DemoGenerator(**db).generate(parameters));
        // The data the views show beside the app's own words.
        for (const QString &sql :
             {u"SELECT title FROM deltas"_s, u"SELECT title FROM tasks"_s,
              u"SELECT name FROM organisations"_s, u"SELECT name FROM board_columns"_s,
              u"SELECT name FROM user_groups"_s, u"SELECT name FROM components"_s,
              u"SELECT name FROM labels"_s, u"SELECT name FROM boards"_s,
              u"SELECT COALESCE(assignee, '') FROM tasks"_s,
              u"SELECT COALESCE(reporter, '') FROM deltas"_s, u"SELECT signature FROM deltas"_s,
              u"SELECT COALESCE(product_version, '') FROM crash_reports"_s,
              u"SELECT COALESCE(platform, '') FROM crash_reports"_s, u"SELECT actor FROM history"_s,
              u"SELECT COALESCE(author, '') FROM comments"_s, u"SELECT desired FROM deltas"_s,
              u"SELECT actual FROM deltas"_s, u"SELECT details FROM deltas"_s,
              u"SELECT body FROM comments"_s}) {
            const auto rows = (*db)->run(sql);
            QVERIFY2(rows, qPrintable(sql + u": "_s + rows.error()));
            while ((*rows)->next()) {
                const QString word = (*rows)->value(0).toString();
                if (!word.isEmpty())
                    m_data.insert(word);
            }
        }
        // What the crash texts say of themselves: their format, the crashing thread's name, the
        // exception.
        const auto reports = (*db)->run(u"SELECT raw_text FROM crash_reports"_s);
        QVERIFY(reports);
        while ((*reports)->next()) {
            const auto crash = CrashParser::parse((*reports)->value(0).toString());
            if (!crash)
                continue;
            m_data.insert(CrashParser::formatName(crash->format));
            if (const CrashThread *thread = crash->crashing())
                m_data.insert(thread->name);
            for (const QString &word :
                 {crash->exceptionType, crash->crashType, crash->exceptionMessage, crash->platform})
                m_data.insert(word);
        }
        m_data.remove(QString());
        // The database's own name and path (the recent-databases menu shows them).
        m_data.insert(m_path);
        m_data.insert(QFileInfo(m_path).fileName());
        m_sortedData = QStringList(m_data.cbegin(), m_data.cend());
        std::sort(m_sortedData.begin(), m_sortedData.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }

    void cleanup()
    {
        Desktop::useLanguage(*qApp, u"en"_s);
        QLocale::setDefault(QLocale::c());
        QApplication::setPalette(QApplication::style()->standardPalette());
    }

    void shouldHaveACompleteGermanCatalogueThatMatchesTheCode()
    {
        QVERIFY2(m_catalogue.messages > 800, qPrintable(QString::number(m_catalogue.messages)));
        QCOMPARE(m_catalogue.unfinished, 0);
        // lupdate on the code finds nothing new: every tr() string is in the catalogue.
        QTemporaryDir folder;
        const QString copy = folder.filePath(u"deltaboard_de.ts"_s);
        QVERIFY(QFile::copy(
            QStringLiteral(DELTABOARD_SOURCE_DIR) + u"/translations/deltaboard_de.ts"_s, copy));
        QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        const QString source = QStringLiteral(DELTABOARD_SOURCE_DIR);
        QProcess lupdate;
        lupdate.start(QStringLiteral(DELTABOARD_LUPDATE),
                      {u"-no-obsolete"_s, u"-locations"_s, u"none"_s, source + u"/app/gui"_s,
                       source + u"/views"_s, source + u"/model"_s, u"-ts"_s, copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const Catalogue updated = readCatalogue(copy);
        QVERIFY2(updated.unfinished == 0,
                 qPrintable(
                     u"%1 strings of the code are not in translations/deltaboard_de.ts: run "
                     u"'cmake --build build --target update_translations' and translate them"_s.arg(
                         updated.unfinished)));
        QCOMPARE(updated.messages, m_catalogue.messages);
    }

    void shouldShowNoEnglishInGerman()
    {
        switchTo(u"de"_s, QLocale(QLocale::German, QLocale::Germany));
        // English words whose German is different: none of them may show as such.
        QSet<QString> english;
        for (auto it = m_catalogue.german.cbegin(); it != m_catalogue.german.cend(); ++it) {
            const QString source = plainText(it.key()).trimmed();
            if (source.size() > 3 && source != plainText(it.value()).trimmed()
                && !source.contains(u'%'))
                english.insert(source);
        }
        QStringList untranslated;
        QStringList cut;
        walk([&](QWidget *top, const QString &screen) {
            for (const Shown &shown : collectTexts(top)) {
                const QString text = plainText(shown.text).trimmed();
                if (english.contains(text) && !m_data.contains(text))
                    untranslated.append(u"%1: '%2' (%3)"_s.arg(screen, text, shown.where));
            }
            // Qt's own words too (qt6-translations-l10n): a standard button is German.
            for (const QDialogButtonBox *box : top->findChildren<QDialogButtonBox *>()) {
                for (QAbstractButton *button : box->buttons()) {
                    const QString text = plainText(button->text());
                    if (text == u"Close"_s || text == u"Cancel"_s)
                        untranslated.append(
                            u"%1: Qt's '%2' (%3)"_s.arg(screen, text, describe(button)));
                }
            }
            cut.append(clipped(top));
        });
        report(untranslated, cut);
    }

    void shouldShowNoUntranslatedOrClippedTextInThePseudoLocale()
    {
        // With a locale whose month names are not Latin, a date in English shows too.
        switchTo(u"pseudo"_s, QLocale(QLocale::Russian, QLocale::Russia));
        static const QRegularExpression asciiWord(u"[A-Za-z]{2,}"_s);
        QStringList untranslated;
        QStringList cut;
        walk([&](QWidget *top, const QString &screen) {
            for (const Shown &shown : collectTexts(top)) {
                const QString left = withoutData(shown.text);
                const auto match = asciiWord.match(left);
                if (match.hasMatch()) {
                    untranslated.append(u"%1: '%2' in '%3' (%4)"_s.arg(
                        screen, match.captured(), plainText(shown.text).left(80), shown.where));
                }
            }
            cut.append(clipped(top));
        });
        report(untranslated, cut);
    }

    void shouldFormatDatesAndNumbersInTheUsersLocale()
    {
        switchTo(u"de"_s, QLocale(QLocale::German, QLocale::Germany));
        auto db = Database::open(m_path);
        QVERIFY(db);
        MainWindow window(std::move(db).value());
        window.resize(1440, 900);
        window.show();
        window.showView(MainWindow::View::Board);
        settle(window);
        // A card's tooltip gives its date the German way (29.11.26), not the ISO way.
        BoardColumnModel *column = window.boardModel()->columns().first();
        QVERIFY(column->rowCount() > 0);
        const QString tip = column->index(0).data(Qt::ToolTipRole).toString();
        static const QRegularExpression germanDate(u"\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2}\\b"_s);
        QVERIFY2(germanDate.match(tip).hasMatch(), qPrintable(tip));
        QVERIFY2(tip.contains(u"Spalte"_s), qPrintable(tip));
    }

    void shouldTakeItsColoursFromAPaletteDarkOrLight()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Link, QColor(0x6a, 0xb0, 0xff));
        dark.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
        dark.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
        dark.setColor(QPalette::Mid, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::Shadow, Qt::black);
        for (const QPalette &palette : {QApplication::style()->standardPalette(), dark}) {
            QApplication::setPalette(palette);
            const bool isDark = Palette::isDark(palette);
            // The board's surfaces follow the palette: dark on dark, light on light.
            QCOMPARE(Palette::columnBackground(palette).lightness() < 128, isDark);
            QCOMPARE(Palette::heat(0).lightness() < 128, isDark);
            // The impact levels keep their order: each further from the background than the last.
            const QColor base = palette.color(QPalette::Base);
            auto distance = [&base](const QColor &c) {
                return std::abs(c.lightness() - base.lightness())
                       + std::abs(c.hslSaturation() - base.hslSaturation());
            };
            for (int level = 1; level <= 4; ++level)
                QVERIFY2(distance(Palette::heat(level)) > distance(Palette::heat(level - 1)),
                         qPrintable(u"level %1 in a %2 palette"_s.arg(level).arg(
                             isDark ? u"dark"_s : u"light"_s)));
            // Text on a heat cell and error text stand out from what is under them.
            for (int level = 0; level <= 4; ++level)
                QVERIFY(std::abs(Palette::heatText(level).lightness()
                                 - Palette::heat(level).lightness())
                        > 90);
            QVERIFY(std::abs(Palette::errorText(palette).lightness()
                             - palette.color(QPalette::Window).lightness())
                    > 60);
        }
        if (!qEnvironmentVariableIsSet("DELTABOARD_SCREENSHOTS"))
            return;
        // The screenshots: the board and the deltas in German, the board in the dark, and the
        // keyboard's focus on a card.
        const QString folder = qEnvironmentVariable("DELTABOARD_SCREENSHOTS");
        QDir().mkpath(folder);
        auto shoot = [&](const QString &file, MainWindow::View view, bool focusCard) {
            auto db = Database::open(m_path);
            QVERIFY(db);
            MainWindow window(std::move(db).value());
            window.resize(1440, 900);
            window.show();
            window.showView(view);
            if (view == MainWindow::View::Deltas)
                window.deltaList()->selectDelta(1);
            settle(window);
            if (focusCard) {
                QListView *cards
                    = window.findChild<BoardView *>()->findChildren<QListView *>().value(1);
                QVERIFY(cards && cards->model()->rowCount() > 1);
                cards->setFocus(Qt::TabFocusReason);
                cards->setCurrentIndex(cards->model()->index(1, 0));
                settle(window);
            }
            QVERIFY(window.grab().save(QDir(folder).filePath(file)));
        };
        QApplication::setPalette(dark);
        shoot(u"dark-board.png"_s, MainWindow::View::Board, false);
        shoot(u"dark-impact.png"_s, MainWindow::View::Impact, false);
        QApplication::setPalette(QApplication::style()->standardPalette());
        shoot(u"keyboard-focus.png"_s, MainWindow::View::Board, true);
        switchTo(u"de"_s, QLocale(QLocale::German, QLocale::Germany));
        shoot(u"german-board.png"_s, MainWindow::View::Board, false);
        shoot(u"german-deltas.png"_s, MainWindow::View::Deltas, false);
        switchTo(u"pseudo"_s, QLocale::c());
        shoot(u"pseudo-board.png"_s, MainWindow::View::Board, false);
    }
};

DELTABOARD_GUI_TEST_MAIN(LanguageTest)
#include "languagetest.moc"
