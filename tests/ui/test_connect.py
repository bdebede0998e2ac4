"""Connecting to a CRM: the dialog per provider (region, address, entity, credentials),
Test connection against a real sandbox, secrets to the keyring and never to settings,
saved connections in the toolbar's selector, and the demo that never merges a real CRM."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from mergedesk.services.credentials import KEYRING_SERVICE
from mergedesk.ui.connect.connect_dialog import ConnectDialog
from mergedesk.ui.connect.profiles import DEMO, ConnectionProfile, ProfileStore
from mergedesk.ui.tasks import TaskRunner

TIMEOUT = 15_000


@pytest.fixture
def dialog(qtbot, qloop):
    dialog = ConnectDialog(TaskRunner())
    qtbot.addWidget(dialog)
    return dialog


def _choose(dialog: ConnectDialog, provider: str) -> None:
    dialog._crm.setCurrentIndex(dialog._crm.findData(provider))


@pytest.mark.parametrize(("provider", "region", "tenant", "url", "entities"), [
    ("zoho", "eu", "", "https://www.zohoapis.eu/crm/v8",
     ["contacts", "accounts", "leads", "deals", "vendors"]),
    ("pipeliner", "eu-central", "sp42",
     "https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/sp42",
     ["contacts", "accounts"]),
    ("dataverse", "crm4", "contoso", "https://contoso.api.crm4.dynamics.com/api/data/v9.2",
     ["contacts", "accounts", "leads", "incidents"]),
    ("chatwoot", "", "3", "https://app.chatwoot.com/api/v1/accounts/3", ["contacts"]),
    ("leadlex", "", "", "https://data.leadlex.com/functions/v1/api-gateway", ["contacts"]),
])
def test_each_crm_asks_for_its_region_tenant_and_credentials(dialog, provider, region,
                                                            tenant, url, entities):
    _choose(dialog, provider)
    if region:
        dialog._region.setCurrentIndex(dialog._region.findData(region))
    dialog._tenant.setText(tenant)
    assert dialog._base_url.text() == url
    assert [dialog._entity.itemData(i) for i in range(dialog._entity.count())] == entities
    assert dialog._sign_in.isVisibleTo(dialog) == (provider in ("zoho", "dataverse"))
    profile = dialog.profile()
    assert (profile.provider, profile.base_url, profile.region) == (provider, url, region)


def test_secret_fields_are_hidden_and_a_typed_address_is_kept(dialog):
    _choose(dialog, "pipeliner")
    key, secret = dialog._secrets["key"], dialog._secrets["secret"]
    assert key.echoMode() == key.EchoMode.Normal and secret.echoMode() == secret.EchoMode.Password
    dialog._base_url.setText("http://127.0.0.1:9/api/v100/rest/spaces/x")
    dialog._base_url.textEdited.emit("x")
    dialog._tenant.setText("other")
    assert dialog._base_url.text() == "http://127.0.0.1:9/api/v100/rest/spaces/x"


def test_test_connection_says_whom_it_reached_or_why_not(qtbot, dialog, chatwoot_sandbox):
    _choose(dialog, "chatwoot")
    dialog._base_url.setText(chatwoot_sandbox.base_url)
    dialog._base_url.textEdited.emit("")
    dialog._secrets["token"].setText("wrong-token")
    dialog._test.click()
    qtbot.waitUntil(lambda: "refused the credentials" in dialog.result.text(), timeout=TIMEOUT)
    token = chatwoot_sandbox.credentials["MERGEDESK_CHATWOOT_TOKEN"]
    dialog._secrets["token"].setText(token)
    dialog._test.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Connected:"), timeout=TIMEOUT)


def test_a_saved_connection_keeps_secrets_in_the_keyring_and_opens(qtbot, desk, _isolated):
    window = desk.window
    window.connections.new()
    qtbot.waitUntil(lambda: window.findChild(ConnectDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(ConnectDialog)
    dialog._name.setText("Support desk")
    _choose(dialog, "chatwoot")
    dialog._base_url.setText(desk.connection.base_url)
    dialog._base_url.textEdited.emit("")
    token = desk.fake.credentials()["MERGEDESK_CHATWOOT_TOKEN"]
    dialog._secrets["token"].setText(token)
    with qtbot.waitSignal(window.groups_loaded, timeout=TIMEOUT):
        dialog._buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert window.connection.label == "Support desk"
    assert window.windowTitle() == "MergeDesk — Support desk"
    assert _isolated.store[(KEYRING_SERVICE, "Support desk/token")] == token
    settings: QSettings = window._settings
    saved = "".join(str(settings.value(k)) for k in settings.allKeys())
    assert token not in saved and "Support desk" in saved
    selector = window.connections.selector
    assert selector.currentText() == "Support desk"
    assert selector.findText("Edit this connection…") >= 0
    assert ProfileStore(settings).last_saved() == "Support desk"


def test_the_demo_defers_saved_connections_to_the_next_start(qtbot, qloop, tmp_path):
    from mergedesk.services.apply import ApplyService
    from mergedesk.services.scan import ScanService
    from mergedesk.services.workspace import Workspace
    from mergedesk.ui.review.main_window import MainWindow

    workspace = Workspace.open(tmp_path / "demo")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    store = ProfileStore(settings)
    store.save(ConnectionProfile("Prod", "zoho", "https://www.zohoapis.eu/crm/v8"))
    window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace), settings,
                        demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.connections.deferred, timeout=TIMEOUT) as deferred:
        window.connections.selector.profile_chosen.emit("Prod")
    assert deferred.args == ["Prod"] and window.connection is None
    assert store.last_saved() == "Prod"
    store.set_last(DEMO)
    assert store.last_saved() == ""
    workspace.close()
