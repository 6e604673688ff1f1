"""The catalogue's texts by topic, one dict per module, merged by i18n.catalogue."""
