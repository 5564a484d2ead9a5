<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="school_tiles" tilewidth="32" tileheight="32" tilecount="36" columns="8">
 <image source="../../assets/tiles/school_tiles.png" width="256" height="160"/>
 <tile id="0">
  <properties>
   <property name="tile_name" value="grass"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="tile_name" value="void"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="tile_name" value="corridor"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="tile_name" value="wood"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="tile_name" value="bathroom"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="tile_name" value="carpet_green"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="tile_name" value="carpet_lilac"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="tile_name" value="gym"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="tile_name" value="gym_line"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="tile_name" value="canteen"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="tile_name" value="mat"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="tile_name" value="wall_top"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="tile_name" value="wall_face"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="tile_name" value="window"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="tile_name" value="whiteboard"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="tile_name" value="notice_board"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="tile_name" value="locker"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="tile_name" value="door"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="tile_name" value="stairs"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="tile_name" value="desk"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="tile_name" value="teacher_desk"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="tile_name" value="plant"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="tile_name" value="bookshelf"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="tile_name" value="canteen_table"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="tile_name" value="counter"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="tile_name" value="sofa"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="tile_name" value="beanbag"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="tile_name" value="gym_bench"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="tile_name" value="gym_mat"/>
   <property name="blocked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="tile_name" value="toilet"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="tile_name" value="sink"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="tile_name" value="coffee"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="tile_name" value="reception"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="tile_name" value="big_table"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="tile_name" value="bin"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="tile_name" value="computer"/>
   <property name="blocked" type="bool" value="true"/>
  </properties>
 </tile>
</tileset>
