"""Small widgets the views share."""
