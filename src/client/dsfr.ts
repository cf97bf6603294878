// DSFR's scripts, limited to the components the site's pages use: its core (which starts DSFR), the colour
// scheme behind the display settings, then one module per component. Each reads `window.dsfr`, so the core
// comes first. A test fails if a built page uses a DSFR component left out of this list.
import "../../node_modules/@gouvfr/dsfr/dist/core/core.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/scheme/scheme.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/accordion/accordion.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/breadcrumb/breadcrumb.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/button/button.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/card/card.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/checkbox/checkbox.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/display/display.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/header/header.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/modal/modal.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/navigation/navigation.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/sidemenu/sidemenu.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/table/table.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/tag/tag.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/tile/tile.module.min.js";
import "../../node_modules/@gouvfr/dsfr/dist/component/transcription/transcription.module.min.js";
import "./scrollable-tables.ts";
import "./copy-link.ts";
