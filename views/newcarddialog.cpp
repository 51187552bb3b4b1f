#include "newcarddialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

NewCardDialog::NewCardDialog(const QString &columnName, Search search, QWidget *parent)
    : QDialog(parent)
    , m_search(std::move(search))
    , m_title(new QLineEdit(this))
    , m_assignee(new QLineEdit(this))
    , m_find(new QLineEdit(this))
    , m_results(new QListWidget(this))
{
    setObjectName(u"newCardDialog"_s);
    setWindowTitle(tr("New Card in %1").arg(columnName));
    m_title->setObjectName(u"newCardTitle"_s);
    m_title->setPlaceholderText(tr("What will be done"));
    m_assignee->setObjectName(u"newCardAssignee"_s);
    m_assignee->setPlaceholderText(tr("Optional"));
    m_find->setObjectName(u"newCardFind"_s);
    m_find->setPlaceholderText(tr("Title words or #id of the deltas it serves"));
    m_find->setClearButtonEnabled(true);
    m_results->setObjectName(u"newCardDeltas"_s);
    m_results->setMinimumHeight(140);

    auto *hint = new QLabel(tr("Tick the deltas this card answers. A card that serves none is a "
                               "chore: allowed, and shown as such."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Assignee:"), m_assignee);
    form->addRow(tr("&Serves:"), m_find);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Card"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_title, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Search as the user types, after a short pause so each key does not query.
    auto *pause = new QTimer(this);
    pause->setSingleShot(true);
    pause->setInterval(200);
    connect(pause, &QTimer::timeout, this, &NewCardDialog::runSearch);
    connect(m_find, &QLineEdit::textEdited, pause, qOverload<>(&QTimer::start));
    connect(m_results, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        m_chosen.removeAll(id);
        if (item->checkState() == Qt::Checked)
            m_chosen.append(id);
    });

    auto *record = new QPushButton(tr("Record a New Delta…"), this);
    record->setObjectName(u"newCardRecordDelta"_s);
    record->setToolTip(tr("The report this card answers is not recorded yet: record it, and it "
                          "is linked"));
    connect(record, &QPushButton::clicked, this, &NewCardDialog::recordDeltaRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_results, 1);
    layout->addWidget(record, 0, Qt::AlignLeft);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(520, 420);
}

QString NewCardDialog::title() const
{
    return m_title->text().trimmed();
}

QString NewCardDialog::assignee() const
{
    return m_assignee->text().trimmed();
}

QList<qint64> NewCardDialog::deltaIds() const
{
    return m_chosen;
}

void NewCardDialog::searchDeltas(const QString &text)
{
    m_find->setText(text);
    runSearch();
}

void NewCardDialog::addDelta(const Match &delta)
{
    m_recorded.append(delta);
    if (!m_chosen.contains(delta.id))
        m_chosen.append(delta.id);
    runSearch();
}

void NewCardDialog::runSearch()
{
    const QSignalBlocker blocker(m_results);
    m_results->clear();
    // What is ticked stays chosen even when a new search does not find it.
    // What was recorded from here stays listed first, whatever the search finds.
    QList<Match> matches = m_recorded;
    if (!m_find->text().trimmed().isEmpty()) {
        for (const Match &match : m_search(m_find->text().trimmed())) {
            const bool listed = std::any_of(matches.cbegin(), matches.cend(),
                                            [&match](const Match &m) { return m.id == match.id; });
            if (!listed)
                matches.append(match);
        }
    }
    for (const Match &match : std::as_const(matches)) {
        auto *item = new QListWidgetItem(u"#%1  %2"_s.arg(match.id).arg(match.title), m_results);
        item->setData(Qt::UserRole, match.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(m_chosen.contains(match.id) ? Qt::Checked : Qt::Unchecked);
    }
    if (matches.isEmpty() && !m_find->text().trimmed().isEmpty()) {
        auto *none = new QListWidgetItem(tr("No delta matches."), m_results);
        none->setFlags(Qt::NoItemFlags);
    }
}

} // namespace Deltaboard
