"""ConnectDialog: set up or change a CRM connection — the CRM, its region or data
centre, the API address, the entity, the credentials (or a browser sign-in) — test it,
and save it: settings in QSettings, secrets only in the OS keyring."""

from __future__ import annotations

from pydantic import SecretStr
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mergedesk.providers import registry
from mergedesk.providers.base import ConnectionSettings
from mergedesk.services import credentials
from mergedesk.ui import messages
from mergedesk.ui.connect import sign_in
from mergedesk.ui.connect.opener import settings_for, try_connection
from mergedesk.ui.connect.profiles import ConnectionProfile
from mergedesk.ui.connect.provider_forms import FORMS, ProviderForm
from mergedesk.ui.tasks import TaskRunner


class ConnectDialog(QDialog):
    def __init__(self, tasks: TaskRunner, profile: ConnectionProfile | None = None,
                 stored: frozenset[str] = frozenset(), parent: QWidget | None = None):
        """`stored`: names of the profile's secrets already in the keyring (left empty
        here; an empty field keeps the stored secret)."""
        super().__init__(parent)
        self._tasks = tasks
        self._stored = stored
        self._options: dict[str, str] = dict(profile.options) if profile else {}
        self._url_edited = False
        self._secrets: dict[str, QLineEdit] = {}
        self._name = QLineEdit(self)
        self._crm = QComboBox(self)
        for spec in registry.PROVIDERS.values():
            self._crm.addItem(spec.display_name, spec.name)
        self._region = QComboBox(self)
        self._tenant = QLineEdit(self)
        self._base_url = QLineEdit(self)
        self._base_url.textEdited.connect(self._on_base_url_text_edited)
        self._entity = QComboBox(self)
        self._form = QFormLayout()
        self._secret_box = QWidget(self)
        self._secret_form = QFormLayout(self._secret_box)
        self._secret_form.setContentsMargins(0, 0, 0, 0)
        self._sign_in = QPushButton(self)
        self._sign_in.clicked.connect(self._on_sign_in_clicked)
        self._test = QPushButton(self)
        self._test.clicked.connect(self._on_test_clicked)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                         | QDialogButtonBox.StandardButton.Cancel, self)
        self._buttons.accepted.connect(self._on_buttons_accepted)
        self._buttons.rejected.connect(self.reject)
        self._layout()
        self._crm.currentIndexChanged.connect(self._on_crm_current_index_changed)
        self._region.currentIndexChanged.connect(self._update_url)
        self._tenant.textChanged.connect(self._update_url)
        self.retranslate()
        self._load(profile)

    def _layout(self) -> None:
        self._labels = []
        for field in (self._name, self._crm, self._region, self._tenant, self._base_url,
                      self._entity):
            label = QLabel(self)
            label.setBuddy(field)  # the label's &-key moves the focus there
            self._labels.append(label)
            self._form.addRow(label, field)
        actions = QHBoxLayout()
        actions.addWidget(self._sign_in)
        actions.addWidget(self._test)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._secret_box)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(560)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CRM connection"))
        labels = (self.tr("&Name"), self.tr("&CRM"), self.tr("&Region"), self.tr("&Tenant"),
                  self.tr("API &address"), self.tr("&Entity"))
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self._name.setPlaceholderText(self.tr("e.g. Zoho production"))
        self._name.setAccessibleName(self.tr("Connection name"))
        self._base_url.setAccessibleName(self.tr("API address"))
        self._test.setText(self.tr("&Test connection"))
        self._sign_in.setText(self.tr("Sign &in in the browser…"))
        self._show_form(self.form)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # What the dialog produced
    @property
    def form(self) -> ProviderForm:
        return FORMS[self._crm.currentData() or "chatwoot"]

    def profile(self) -> ConnectionProfile:
        form = self.form
        name = self._name.text().strip() or registry.spec(form.provider).display_name
        return ConnectionProfile(name=name, provider=form.provider,
                                 base_url=self._base_url.text().strip().rstrip("/"),
                                 entity=self._entity.currentData() or "contacts",
                                 region=self._region.currentData() or "",
                                 options=dict(self._options))

    def secrets(self) -> dict[str, str]:
        """The secrets typed (empty fields are left out: the keyring keeps its own)."""
        return {n: e.text().strip() for n, e in self._secrets.items() if e.text().strip()}

    # Filling in
    def _load(self, profile: ConnectionProfile | None) -> None:
        if profile is None:
            self._on_crm_current_index_changed()
            return
        self._name.setText(profile.name)
        self._crm.setCurrentIndex(max(0, self._crm.findData(profile.provider)))
        self._on_crm_current_index_changed()
        self._region.setCurrentIndex(max(0, self._region.findData(profile.region)))
        self._entity.setCurrentIndex(max(0, self._entity.findData(profile.entity)))
        self._base_url.setText(profile.base_url)
        self._url_edited = True  # a saved address is kept as it is

    def _show_form(self, form: ProviderForm) -> None:
        self._form.setRowVisible(self._region, bool(form.regions))
        self._form.setRowVisible(self._tenant, bool(form.tenant_label()))
        label = self._form.labelForField(self._region)
        if isinstance(label, QLabel) and form.regions:
            label.setText(form.region_label())
        label = self._form.labelForField(self._tenant)
        if isinstance(label, QLabel) and form.tenant_label():
            label.setText(form.tenant_label())
        for row in range(self._region.count()):
            code = self._region.itemData(row)
            name = dict(form.regions).get(code, code)
            # Region names are marked in provider_forms under this dialog's context.
            self._region.setItemText(row, self.tr("{name} ({code})").format(
                name=QCoreApplication.translate("ConnectDialog", name), code=code))
        for name, edit in self._secrets.items():
            secret = next(s for s in form.secrets if s.name == name)
            label = self._secret_form.labelForField(edit)
            if isinstance(label, QLabel):
                label.setText(secret.label())
            saved = self.tr("(saved in the keyring)") if name in self._stored else ""
            edit.setPlaceholderText(saved or secret.hint())
            edit.setAccessibleName(secret.label())
        self._sign_in.setVisible(bool(form.sign_in))

    def _on_crm_current_index_changed(self, *_args: object) -> None:
        form = self.form
        self._region.blockSignals(True)
        self._region.clear()
        for code, _name in form.regions:
            self._region.addItem(code, code)
        self._region.blockSignals(False)
        self._entity.clear()
        for entity in form.entities():
            self._entity.addItem(entity, entity)
        while self._secret_form.rowCount():
            self._secret_form.removeRow(0)
        self._secrets = {}
        for secret in form.secrets:
            edit = QLineEdit(self._secret_box)
            if secret.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self._secrets[secret.name] = edit
            label = QLabel(secret.label(), self._secret_box)
            label.setBuddy(edit)
            self._secret_form.addRow(label, edit)
        self._url_edited = False
        self._show_form(form)
        self._update_url()

    def _update_url(self, *_args: object) -> None:
        if not self._url_edited:
            region = self._region.currentData() or ""
            self._base_url.setText(self.form.build_url(region, self._tenant.text().strip()))

    def _on_base_url_text_edited(self, _text: str) -> None:
        self._url_edited = True

    # Test, sign in, save
    def _on_test_clicked(self) -> None:
        secrets = {n: SecretStr(v) for n, v in self.secrets().items()}
        if self._stored:
            spec = registry.spec(self.form.provider)
            stored = credentials.load(spec, self.profile().name)
            secrets = {**stored, **secrets}
        settings = settings_for(self.profile(), secrets)
        self.result.setText(self.tr("Connecting…"))
        self._tasks.start("test-connection", self._test_connection(settings))

    async def _test_connection(self, settings: ConnectionSettings) -> None:
        try:
            info = await try_connection(settings)
        except Exception as exc:  # every failure is said in the dialog, in words
            self.result.setStyleSheet("color: #d64545")
            self.result.setText(messages.error_text(exc))
            return
        self.result.setStyleSheet("color: #2e9d52")
        who = f" ({info.user})" if info.user else ""
        self.result.setText(self.tr("Connected: {tenant}{who}").format(tenant=info.tenant,
                                                                       who=who))

    def _on_sign_in_clicked(self) -> None:
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Waiting for the sign-in in your browser…"))
        self._tasks.start("sign-in", self._sign_in_flow())

    async def _sign_in_flow(self) -> None:
        typed = self.secrets()
        try:
            if self.form.sign_in == "zoho":
                done = await sign_in.zoho(typed.get("client_id", ""),
                                          typed.get("client_secret", ""),
                                          self._region.currentData() or "com")
            else:
                done = await sign_in.dataverse(self.profile().name, self._base_url.text(),
                                               typed.get("tenant_id", ""),
                                               typed.get("client_id", ""))
        except Exception as exc:
            self.result.setStyleSheet("color: #d64545")
            self.result.setText(messages.error_text(exc))
            return
        for name, value in done.secrets.items():
            if name in self._secrets:
                self._secrets[name].setText(value)
        self._options.update(done.options)
        if done.base_url:
            self._base_url.setText(done.base_url)
            self._url_edited = True
        self.result.setStyleSheet("color: #2e9d52")
        self.result.setText(self.tr("Signed in {user}").format(user=done.user).strip())

    def _on_buttons_accepted(self) -> None:
        if not self._base_url.text().strip():
            self.result.setText(self.tr("The API address is missing."))
            return
        self.accept()
