// html-validate for DSFR pages. Each rule switched off says why.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // DSFR's documented markup keeps explicit landmark roles (header role="banner", nav role="navigation").
    "no-redundant-role": "off",
    // Page titles are the editors' titles plus the site name; long ones are legitimate.
    "long-title": "off",
    // Existing content is published unchanged, trailing spaces included; they do not change the page.
    "no-trailing-whitespace": "off",
  },
};
