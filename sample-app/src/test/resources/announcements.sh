#!/bin/sh
# The classroom guide's commands (docs/src/docs/asciidoc/sample.adoc includes them by tag),
# run by the sample's tests as a reader runs them, against the application on its port.

# tag::post[]
curl -i -u ada:teacher -X POST localhost:8080/api/classes/1/announcements -H 'Content-Type: application/json' -d '{"text":"Quiz at ten"}'
# end::post[]
# tag::invalid[]
curl -i -u ada:teacher -X POST localhost:8080/api/classes/-1/announcements -H 'Content-Type: application/json' -d '{}'
# end::invalid[]
