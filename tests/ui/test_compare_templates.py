"""A saved template of field rules (services.rule_templates) applied to the group on
screen from the review panel: the fields not picked by hand follow its rules; undo
returns to the safe defaults; the choice stays for the next group shown."""

from datetime import UTC, datetime

from mergedesk.core.models import Record
from mergedesk.core.rules import FieldRule, RuleKind, RuleTemplate
from mergedesk.providers.zoho.client import CAPABILITIES as ZOHO
from mergedesk.services.rule_templates import TemplateStore
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.review.review_panel import ReviewPanel
from tests.ui.test_compare_checklists import FIELDS


def _records() -> list[Record]:
    old, new = datetime(2020, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)
    return [Record(id="1", fields={"Last_Name": "Ng"}, created_at=old, updated_at=old),
            Record(id="2", fields={"Last_Name": "Ng-Lee"}, created_at=old, updated_at=new)]


def test_a_saved_template_applies_to_the_fields_not_picked_by_hand(qtbot, tmp_path):
    store = TemplateStore(tmp_path / "templates.json")
    store.save(RuleTemplate(name="Newest wins", default=FieldRule(kind=RuleKind.NEWEST)))
    model = CompareModel()
    panel = ReviewPanel(model)
    qtbot.addWidget(panel)
    panel.set_templates(store)
    names = [panel.options.templates.itemText(i) for i in range(panel.options.templates.count())]
    assert names == ["Keep everything (safe defaults)", "Newest wins"]
    model.set_group("g1", _records(), FIELDS, ZOHO, master="1")
    panel._loaded = True
    last_name = model.row_of("Last_Name")
    assert model.chosen(last_name) == "1"  # safe defaults: the master's value
    with qtbot.waitSignal(model.edited) as edited:
        panel.options.templates.setCurrentIndex(1)
        panel.options.templates.activated.emit(1)
    assert edited.args[2] == "apply the field rules “Newest wins”"
    assert model.chosen(last_name) == "2"  # the newest record's
    assert model.to_group_merge().fields["Last_Name"].from_record == "2"
    model.restore_state(edited.args[0])  # undo
    assert model.chosen(last_name) == "1"
    # Picked by hand stays whatever the template says.
    model.restore_state(edited.args[1])
    model.choose(last_name, "1")
    assert model.chosen(last_name) == "1"
