/**
 * JSON shared by the codecs: one mapper ({@link dev.trellis.interfaces.json.JsonText}) and typed,
 * tolerant field reads whose failures name the field, never its value ({@link
 * dev.trellis.interfaces.json.JsonFields}).
 */
package dev.trellis.interfaces.json;
