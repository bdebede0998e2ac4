"""The Qt user interface: models, views, panels and the main window. Everything here
runs on the GUI thread; async work goes through ui.tasks.TaskRunner on the qasync loop."""
