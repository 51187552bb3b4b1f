#include "welcome.h"
#include "views/palette.h"

#include "inputtext.h"
#include "settingscommands.h"
#include "workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

WelcomePanel::WelcomePanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_organisation(new QLineEdit(this))
    , m_template(new QComboBox(this))
    , m_groups(new QPlainTextEdit(this))
    , m_components(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"welcomePanel"_s);
    auto *card = new QWidget(this);
    card->setMaximumWidth(640);

    auto *title = new QLabel(tr("<h2>Welcome to Deltaboard</h2>"), card);
    auto *intro = new QLabel(
        tr("Deltaboard keeps <b>reports</b> (defects, crashes, specs: what differs from what "
           "someone wants) apart from <b>commitments</b> (the cards on your organisation's "
           "board). Set up your workspace below; everything here can be changed later in "
           "<i>Workspace Settings</i> (Ctrl+,)."),
        card);
    intro->setWordWrap(true);

    m_organisation->setObjectName(u"welcomeOrganisation"_s);
    m_organisation->setPlaceholderText(tr("e.g. Kestrel Systems"));
    m_template->setObjectName(u"welcomeTemplate"_s);
    m_template->addItem(tr("Kanban — Backlog, Ready, In progress, Review, Done"),
                        int(BoardTemplate::Kanban));
    m_template->addItem(tr("Simple — To do, Doing, Done"), int(BoardTemplate::Simple));
    m_groups->setObjectName(u"welcomeGroups"_s);
    m_groups->setPlaceholderText(tr("Optional, one per line with its size:\n"
                                    "AMD GPU users, 1200\nLaptop users, 300"));
    m_groups->setFixedHeight(84);
    m_groups->setTabChangesFocus(true);
    m_components->setObjectName(u"welcomeComponents"_s);
    m_components->setPlaceholderText(tr("Optional, separated by commas: driver-amd, installer"));
    m_error->setObjectName(u"welcomeError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: %1;"_s.arg(Palette::errorText(palette()).name()));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Your &organisation:"), m_organisation);
    form->addRow(tr("Its &board:"), m_template);
    form->addRow(tr("&User groups:"), m_groups);
    form->addRow(tr("&Components:"), m_components);

    auto *create = new QPushButton(tr("Create Workspace"), card);
    create->setObjectName(u"welcomeCreate"_s);
    create->setDefault(true);
    auto *demo = new QPushButton(tr("Try the Demo Workspace"), card);
    demo->setObjectName(u"welcomeDemo"_s);
    auto *import = new QPushButton(tr("Import from Another Tracker…"), card);
    import->setObjectName(u"welcomeImport"_s);
    auto *skip = new QPushButton(tr("Skip for Now"), card);
    skip->setObjectName(u"welcomeSkip"_s);
    skip->setFlat(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addStretch(1);
    buttons->addWidget(demo);
    buttons->addWidget(import);
    buttons->addWidget(skip);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(title);
    cardLayout->addWidget(intro);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_error);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(buttons);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card, 3);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(create, &QPushButton::clicked, this, &WelcomePanel::create);
    connect(m_organisation, &QLineEdit::returnPressed, this, &WelcomePanel::create);
    connect(demo, &QPushButton::clicked, this, &WelcomePanel::demoRequested);
    connect(import, &QPushButton::clicked, this, &WelcomePanel::importRequested);
    connect(skip, &QPushButton::clicked, this, &WelcomePanel::skipped);
    setFocusProxy(m_organisation);
}

Result<QList<WelcomePanel::GroupLine>> WelcomePanel::parseGroups(const QString &text)
{
    QList<GroupLine> groups;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype comma = line.lastIndexOf(u',');
        GroupLine group{line, std::nullopt};
        if (comma >= 0) {
            const QString size = line.mid(comma + 1).trimmed();
            bool ok = false;
            const qint64 users = size.toLongLong(&ok);
            if (!ok || users < 0) {
                return Error{tr("User groups, line %1: expected \"name, number of users\"; %2 is "
                                "not a number")
                                 .arg(i + 1)
                                 .arg(InputText::quoted(size))};
            }
            group = {line.left(comma).trimmed(), users};
        }
        if (group.name.isEmpty())
            return Error{tr("User groups, line %1: the group needs a name").arg(i + 1)};
        groups.append(group);
    }
    return groups;
}

void WelcomePanel::clear()
{
    m_organisation->clear();
    m_groups->clear();
    m_components->clear();
    m_error->hide();
}

void WelcomePanel::create()
{
    auto fail = [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    };
    const QString name = m_organisation->text().trimmed();
    if (name.isEmpty()) {
        fail(tr("Your organisation needs a name: the team whose board this is."));
        m_organisation->setFocus();
        return;
    }
    const auto groups = parseGroups(m_groups->toPlainText());
    if (!groups) {
        fail(groups.error());
        return;
    }
    QStringList components;
    for (const QString &component : m_components->text().split(u',')) {
        if (!component.trimmed().isEmpty())
            components.append(component.trimmed());
    }

    // One undo step for the whole set-up. A part the database refuses (two groups of one
    // name) makes its command obsolete and is reported; the rest stays.
    QUndoStack *stack = m_workspace->undoStack();
    qint64 organisationId = 0;
    stack->beginMacro(tr("Set up workspace %1").arg(name));
    stack->push(Settings::addOrganisation(
        m_workspace, name, BoardTemplate(m_template->currentData().toInt()), &organisationId));
    for (const GroupLine &group : *groups)
        stack->push(Settings::addGroup(m_workspace, group.name, group.size));
    for (const QString &component : std::as_const(components))
        stack->push(Settings::addComponent(m_workspace, component));
    stack->endMacro();
    if (organisationId <= 0) {
        fail(tr("The workspace could not be created; see the message above."));
        return;
    }
    m_error->hide();
    Q_EMIT workspaceCreated(organisationId);
}

} // namespace Deltaboard
