#include "prioritiesview.h"

#include "deltatabledelegate.h"

#include "levels.h"
#include "priorityrankingmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

PrioritiesView::PrioritiesView(PriorityRankingModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_compare(new QComboBox(this))
    , m_strongOnly(new QCheckBox(this))
    , m_hint(new QLabel(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout)
{
    setObjectName(u"prioritiesView"_s);
    m_title->setObjectName(u"prioritiesTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_compare->setObjectName(u"compareOrganisation"_s);
    m_compare->setMinimumContentsLength(18);
    m_compare->setToolTip(tr("Show another organisation's priorities side by side"));
    m_strongOnly->setObjectName(u"strongOnly"_s);
    m_strongOnly->setToolTip(tr("Only deltas one organisation ranks critical or high and the "
                                "other low, untriaged or not at all"));
    m_hint->setText(tr("Drag or Ctrl+↑/↓ to re-rank · 0–4 sets priority · Del clears · "
                       "Enter opens"));
    m_hint->setEnabled(false);

    auto *delegate = new DeltaTableDelegate(
        {PriorityRankingModel::KindColumn, PriorityRankingModel::FirstColumn,
         PriorityRankingModel::SecondColumn, PriorityRankingModel::ImpactColumn},
        PriorityRankingModel::StrongRole, m_table);
    delegate->setLevelNames(Levels::titles(Levels::priorityNames()));
    m_table->setObjectName(u"prioritiesTable"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Priorities"));
    m_table->setModel(model);
    m_table->setItemDelegate(delegate);
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setDragEnabled(true);
    m_table->setAcceptDrops(true);
    m_table->setDropIndicatorShown(true);
    m_table->setDragDropMode(QAbstractItemView::DragDrop);
    m_table->setDefaultDropAction(Qt::MoveAction);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(PriorityRankingModel::TitleColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(PriorityRankingModel::RankColumn, 56);
    m_table->setColumnWidth(PriorityRankingModel::IdColumn, 60);
    DeltaTableDelegate::fitColumn(m_table, PriorityRankingModel::KindColumn, Levels::kindNames(),
                                  true, 72);
    for (const int column :
         {int(PriorityRankingModel::FirstColumn), int(PriorityRankingModel::SecondColumn)})
        DeltaTableDelegate::fitColumn(m_table, column, Levels::priorityNames(), true, 150);
    m_table->setColumnWidth(PriorityRankingModel::ImpactColumn, 96);
    DeltaTableDelegate::keepHeadersVisible(m_table);
    m_table->installEventFilter(this);

    m_empty->setObjectName(u"prioritiesEmptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 2);
    bar->addWidget(m_title);
    bar->addSpacing(16);
    auto *compareLabel = new QLabel(tr("Compare &with:"), this);
    compareLabel->setBuddy(m_compare);
    bar->addWidget(compareLabel);
    bar->addWidget(m_compare);
    bar->addSpacing(8);
    bar->addWidget(m_strongOnly);
    bar->addStretch();
    bar->addWidget(m_hint);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(m_stack);

    connect(m_compare, &QComboBox::currentIndexChanged, this, &PrioritiesView::applyOrganisations);
    // "nobody" stays chosen across refreshes only when the user chose it.
    connect(m_compare, &QComboBox::activated, this,
            [this](int index) { m_nobodyChosen = m_compare->itemData(index).toLongLong() == 0; });
    connect(m_strongOnly, &QCheckBox::toggled, this,
            [this](bool on) { m_model->setStrongOnly(on); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openDeltaRequested(m_model->deltaAt(index.row()));
    });
    // Re-ranking and edits reset the model: the same delta stays selected, wherever it went.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keep = currentDelta(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        updateState();
        if (m_keep)
            selectDelta(m_keep);
    });
    updateState();
}

void PrioritiesView::setOrganisations(const QList<std::pair<qint64, QString>> &organisations,
                                      qint64 current)
{
    m_organisations = organisations;
    m_current = current;
    const qint64 compared = m_compare->currentData().toLongLong();
    const QSignalBlocker blocker(m_compare);
    m_compare->clear();
    m_compare->addItem(tr("nobody"), 0);
    for (const auto &[id, name] : organisations) {
        if (id != current)
            m_compare->addItem(name, id);
    }
    // Keep the comparison across organisation switches when possible; else the first other one,
    // since side by side is the point of the view.
    int index = m_compare->findData(compared);
    if (index < 0 || (index == 0 && !m_nobodyChosen))
        index = m_compare->count() > 1 ? 1 : 0;
    m_compare->setCurrentIndex(index);
    applyOrganisations();
}

void PrioritiesView::compareWith(qint64 organisationId)
{
    m_nobodyChosen = organisationId == 0;
    const int index = m_compare->findData(organisationId);
    m_compare->setCurrentIndex(index >= 0 ? index : 0);
}

void PrioritiesView::setStrongOnly(bool strongOnly)
{
    m_strongOnly->setChecked(strongOnly);
}

void PrioritiesView::applyOrganisations()
{
    QString currentName;
    for (const auto &[id, name] : std::as_const(m_organisations)) {
        if (id == m_current)
            currentName = name;
    }
    const qint64 second = m_compare->currentData().toLongLong();
    m_title->setText(currentName.isEmpty() ? tr("Priorities")
                                           : tr("%1's ranking").arg(currentName));
    m_strongOnly->setEnabled(second > 0);
    if (second <= 0 && m_strongOnly->isChecked()) {
        const QSignalBlocker blocker(m_strongOnly);
        m_strongOnly->setChecked(false);
        m_model->setStrongOnly(false);
    }
    m_model->setOrganisations(m_current, currentName, second, m_compare->currentText());
}

void PrioritiesView::updateState()
{
    const QLocale locale;
    m_strongOnly->setText(
        m_model->secondOrganisation()
            ? tr("&Strong disagreements only (%1)").arg(locale.toString(m_model->strongCount()))
            : tr("&Strong disagreements only"));
    const bool empty = m_model->rowCount() == 0;
    if (!m_model->lastError().isEmpty())
        m_empty->setText(tr("Cannot read the ranking: %1").arg(m_model->lastError()));
    else if (m_model->firstOrganisation() <= 0)
        m_empty->setText(tr("There are no organisations yet. Create a demo workspace from the "
                            "File menu, or import from another tracker."));
    else if (m_model->strongOnly())
        m_empty->setText(tr("No strong disagreements: the two organisations broadly agree."));
    else
        m_empty->setText(tr("Nothing ranked yet. Give deltas a priority in the Deltas view "
                            "(Ctrl+2), or type 0–4 on a delta here once it is listed."));
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_table);
}

qint64 PrioritiesView::currentDelta() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->deltaAt(current.row()) : 0;
}

bool PrioritiesView::selectDelta(qint64 deltaId)
{
    const int row = m_model->rowOf(deltaId);
    if (row < 0)
        return false;
    const int column = std::max(m_table->currentIndex().column(), 0);
    m_table->setCurrentIndex(m_model->index(row, column));
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, column));
    return true;
}

void PrioritiesView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                      : QAbstractItemView::DoubleClicked
                                            | QAbstractItemView::EditKeyPressed);
    m_table->setDragEnabled(!readOnly);
    m_table->setAcceptDrops(!readOnly);
    m_table->setDragDropMode(readOnly ? QAbstractItemView::NoDragDrop
                                      : QAbstractItemView::DragDrop);
}

bool PrioritiesView::eventFilter(QObject *watched, QEvent *event)
{
    // Keys typed into an open editor go to the editor, not to the table watched here.
    if (watched != m_table || event->type() != QEvent::KeyPress || m_readOnly)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return QWidget::eventFilter(watched, event);
    const int row = current.row();
    const QModelIndex priority = m_model->index(row, PriorityRankingModel::FirstColumn);
    if (key->modifiers() == Qt::ControlModifier
        && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
        if (key->key() == Qt::Key_Up)
            m_model->moveUp(row);
        else
            m_model->moveDown(row);
        return true;
    }
    if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
        if (key->key() >= Qt::Key_0 && key->key() <= Qt::Key_4) {
            m_model->setData(priority, key->key() - Qt::Key_0);
            return true;
        }
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            m_model->setData(priority, QVariant());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Deltaboard
